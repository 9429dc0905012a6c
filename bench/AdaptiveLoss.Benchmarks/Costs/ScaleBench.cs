using System.Diagnostics;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Part (c): coordinator scale with simulated children (synthetic states and rewards, no training). A fresh
/// coordinator per child count; per round every child decides (all at once, through a <see cref="DecisionBatcher"/> as
/// the children of a silo do), then every child reports (all calls in flight at once); the round closes on the last
/// report and runs one REINFORCE update over all transitions.
/// </summary>
internal static class ScaleBench
{
    /// <summary>One row per entry of <see cref="CostsOptions.ScaleChildren"/>.</summary>
    public static async Task<IReadOnlyList<ScaleRow>> RunAsync(EmbeddedSilo silo, CostsOptions costs, TextWriter log)
    {
        var rows = new List<ScaleRow>();
        foreach (var children in costs.ScaleChildren)
        {
            var rounds = children >= 1000 ? costs.ScaleRoundsLarge : costs.ScaleRounds;
            rows.Add(await RunOneAsync(silo, costs, children, rounds));
            var row = rows[^1];
            log.WriteLine($"costs (c): {children,5} children: round {row.RoundMs:F1} ms (decide {row.DecidePhaseMs:F1} ms, "
                + $"report+update {row.ReportPhaseMs:F1} ms), {row.PerDecisionMs:F3} ms per decision, {rounds} rounds");
        }

        return rows;
    }

    private static async Task<ScaleRow> RunOneAsync(EmbeddedSilo silo, CostsOptions costs, int children, int rounds)
    {
        var options = costs.Experiment() with { Children = children };
        var synthetic = new SyntheticChildren(options, costs.Seed + children);
        var ids = SyntheticChildren.Ids($"scale-{children}", children);
        var coordinator = silo.Grains.GetGrain<ICoordinatorGrain>($"costs-scale-{children}-{Guid.NewGuid():N}");
        await coordinator.JoinAsync($"scale-{children}", options, synthetic.FeatureCount, ids);
        var (round, decide, report) = (new List<double>(), new List<double>(), new List<double>());
        var batcher = new DecisionBatcher();
        for (var r = 0; r <= rounds; r++)
        {
            var started = Stopwatch.GetTimestamp();
            var decisions = await Task.WhenAll(ids.Select((id, c) => batcher.DecideAsync(coordinator, new DecisionRequest(id, r, synthetic.State(c + r)))));
            var decided = Stopwatch.GetTimestamp();
            var reports = ids.Select((id, c) => synthetic.Report(id, r, synthetic.State(c + r), decisions[c].Actions, decisions[c].PolicyVersion)).ToArray();
            var built = Stopwatch.GetTimestamp();
            await Task.WhenAll(reports.Select(coordinator.ReportAsync));
            var ended = Stopwatch.GetTimestamp();
            if (r > 0)
            {
                // Building the reports is the simulation's work, not the coordinator's: it is left out of the round.
                var decideMs = Stopwatch.GetElapsedTime(started, decided).TotalMilliseconds;
                var reportMs = Stopwatch.GetElapsedTime(built, ended).TotalMilliseconds;
                decide.Add(decideMs);
                report.Add(reportMs);
                round.Add(decideMs + reportMs);
            }
        }

        var summary = await coordinator.GetSummaryAsync();
        if (summary.Updates != rounds + 1)
        {
            throw new InvalidOperationException($"costs (c): {children} children: expected {rounds + 1} policy updates, the coordinator made {summary.Updates}");
        }

        // Leaving stops the coordinator's round timer, so idle coordinators do not tick through the next rows.
        await Task.WhenAll(ids.Select(coordinator.LeaveAsync));

        var roundMs = LatencySummary.Median(round);
        var decideMedian = LatencySummary.Median(decide);
        return new ScaleRow(children, rounds, roundMs, decideMedian, LatencySummary.Median(report), decideMedian / children,
            roundMs / children, round, summary.Updates);
    }
}
