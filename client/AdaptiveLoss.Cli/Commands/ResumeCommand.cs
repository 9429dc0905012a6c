using System.CommandLine;
using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.ServiceDefaults;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>
/// <c>ala resume &lt;experimentId&gt; [--state DIR] [--out DIR] [--force] [--progress MODE] [--telemetry EXPORTER]</c>
/// (docs/durability.md): continues an embedded run whose process died. An embedded silo on the same state folder
/// re-activates the experiment, which wakes its unfinished children; they resume from their last checkpoints, and the
/// coordinator from its stored policy. The session then watches and writes results.json to the run's original --out, as
/// <c>ala run</c> would have, or to <c>--out</c> when given (for this resume only: the run record is not changed).
/// </summary>
internal static class ResumeCommand
{
    /// <summary>The <c>resume</c> command; its flags are those of <c>ala run</c> (<see cref="RunOptionTable"/>), parsed alike.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new SpecOptions(RunOptionTable.Named("--state", "--out", "--force", "--progress", "--telemetry"));
        var experimentId = new Argument<string>("experimentId") { Description = "an experiment id" };
        var command = options.AddTo(new Command("resume", "continue an embedded run whose process was killed") { experimentId });
        command.SetAction(async result =>
        {
            RunPlan plan;
            try
            {
                plan = Plan(ValueParser.Id("experimentId", CliSyntax.ValueOf(result, experimentId)!), options.Bind(result));
            }
            catch (UsageException ex)
            {
                error.WriteLine($"ala: {ex.Message}");
                return ExitCodes.Usage;
            }

            return await RunCommand.RunSessionAsync(plan, resume: true, output, error);
        });
        return command;
    }

    private static RunPlan Plan(string experimentId, RunArguments arguments)
    {
        var state = arguments.StateDirectory ?? Path.GetFullPath(RunPlan.DefaultStateDirectory);
        var record = RunRecordFile.Read(state, experimentId);
        // Nothing new is stored: a resume that dies too is resumed to the original --out unless --out is given again.
        var outDirectory = arguments.OutDirectory ?? record.OutDirectory;
        RunPlan.CheckOut(outDirectory, arguments.Force);
        RunPlan.CheckWritable("--out", outDirectory);
        RunPlan.CheckWritable("--state", state);
        // The data may have changed since the run started: checked again, as ala run checks it, before anything resumes.
        if (DataPreflight.Problem(record.Options.ChildSettings()) is { } data)
        {
            throw new UsageException(data);
        }

        return new RunPlan(experimentId, record.Options, outDirectory, ClusterTarget.Parse(null),
            arguments.Telemetry ?? TelemetryExporters.Default(Environment.GetEnvironmentVariable), record.TensorBoardDirectory, arguments.Progress, state,
            arguments.Force);
    }
}
