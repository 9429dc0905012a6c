using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Grains;
using AdaptiveLoss.ServiceDefaults;

namespace AdaptiveLoss.Cli.Commands;

/// <summary><c>ala status &lt;experimentId&gt; [--cluster CONN]</c>: a table of an experiment's children on a running cluster.</summary>
internal static class StatusCommand
{
    public static async Task<int> ExecuteAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            output.Write(HelpText.Status);
            return ExitCodes.Success;
        }

        try
        {
            var (experimentId, target) = Parse(args);
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
    }

    private static (string ExperimentId, ClusterTarget Target) Parse(IReadOnlyList<string> args)
    {
        string? experimentId = null;
        string? cluster = null;
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word == "--cluster" || word.StartsWith("--cluster=", StringComparison.Ordinal))
            {
                cluster = cluster is null ? ClusterValue(args, ref i) : throw new UsageException("--cluster is given more than once");
            }
            else if (word.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unknown option '{word}' (see ala status --help)");
            }
            else
            {
                experimentId = experimentId is null ? ValueParser.Id("experimentId", word) : throw new UsageException($"unexpected argument '{word}'");
            }
        }

        return (experimentId ?? throw new UsageException("status needs an experiment id (see ala status --help)"),
            ClusterTarget.Parse(cluster ?? "localhost"));
    }

    private static string ClusterValue(IReadOnlyList<string> args, ref int i)
    {
        var word = args[i];
        if (word.Contains('=', StringComparison.Ordinal))
        {
            return word[(word.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        return i + 1 < args.Count ? args[++i] : throw new UsageException("--cluster needs a value (CONN)");
    }
}
