using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.ServiceDefaults;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>
/// <c>ala resume &lt;experimentId&gt; [--state DIR] [--progress MODE] [--telemetry EXPORTER]</c> (docs/durability.md): continues
/// an embedded run whose process died. An embedded silo on the same state folder re-activates the experiment, which
/// wakes its unfinished children; they resume from their last checkpoints, and the coordinator from its stored policy.
/// The session then watches and writes results.json to the run's original --out, as <c>ala run</c> would have.
/// </summary>
internal static class ResumeCommand
{
    public static async Task<int> ExecuteAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            output.Write(HelpText.Resume);
            return ExitCodes.Success;
        }

        RunPlan plan;
        try
        {
            plan = Parse(args);
        }
        catch (UsageException ex)
        {
            error.WriteLine($"ala: {ex.Message}");
            return ExitCodes.Usage;
        }

        return await RunCommand.RunSessionAsync(plan, resume: true, output, error);
    }

    private static RunPlan Parse(IReadOnlyList<string> args)
    {
        string? experimentId = null;
        string? state = null;
        var progress = ProgressMode.Auto;
        TelemetryExporter? telemetry = null;
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{word} needs a value");
            switch (word)
            {
                case "--state":
                    state = ValueParser.Path("--state", Value());
                    break;
                case "--progress":
                    progress = ValueParser.ProgressMode("--progress", Value());
                    break;
                case "--telemetry":
                    telemetry = ValueParser.Telemetry("--telemetry", Value());
                    break;
                case var _ when word.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"unknown option '{word}' (see ala resume --help)");
                default:
                    experimentId = experimentId is null ? ValueParser.Id("experimentId", word) : throw new UsageException($"unexpected argument '{word}'");
                    break;
            }
        }

        if (experimentId is null)
        {
            throw new UsageException("resume needs an experiment id (see ala resume --help)");
        }

        state ??= Path.GetFullPath(RunPlan.DefaultStateDirectory);
        var record = RunRecordFile.Read(state, experimentId);
        return new RunPlan(experimentId, record.Options, record.OutDirectory, ClusterTarget.Parse(null), telemetry ?? TelemetryExporters.Default(Environment.GetEnvironmentVariable),
            record.TensorBoardDirectory, progress, state);
    }
}
