using System.CommandLine;
using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Grains;
using AdaptiveLoss.ServiceDefaults;

namespace AdaptiveLoss.Cli.Commands;

/// <summary><c>ala status &lt;experimentId&gt; [--cluster CONN]</c>: a table of an experiment's children on a running cluster.</summary>
internal static class StatusCommand
{
    /// <summary>The <c>status</c> command; <c>--cluster</c> is <c>ala run</c>'s flag (<see cref="RunOptionTable"/>), default localhost.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new SpecOptions(RunOptionTable.Named("--cluster", "--tls-cert", "--tls-key", "--tls-ca", "--redis-password-file"));
        var experimentId = new Argument<string>("experimentId") { Description = "an experiment id" };
        var command = options.AddTo(new Command("status", "table of the children of an experiment on a running cluster") { experimentId });
        command.SetAction(async result =>
        {
            try
            {
                var id = ValueParser.Id("experimentId", CliSyntax.ValueOf(result, experimentId)!);
                var arguments = options.Bind(result);
                return await PrintAsync(output, id, ClusterTarget.Parse(arguments.Cluster ?? "localhost", arguments.Credentials, Environment.GetEnvironmentVariable));
            }
            catch (UsageException ex)
            {
                error.WriteLine($"ala: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception ex)
            {
                error.WriteLine($"ala: {RunCommand.OneLine(ex.Message)}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static async Task<int> PrintAsync(TextWriter output, string experimentId, ClusterTarget target)
    {
        await using var cluster = await ClusterConnection.StartAsync(target, TelemetryExporter.None, CancellationToken.None);
        var grain = cluster.Grains.GetGrain<IExperimentGrain>(experimentId);
        var status = await grain.GetStatusAsync();
        if (status.State == ExperimentState.Idle && status.Children.Count == 0)
        {
            throw new UsageException($"no experiment '{experimentId}' on {cluster.Description}");
        }

        var policy = await grain.GetPolicySummaryAsync();
        StatusTable.Print(output, status, policy, await grain.GetOptionsAsync());
        return ExitCodes.Success;
    }
}
