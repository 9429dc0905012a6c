using System.Diagnostics;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Part (b): coordinator decide and update latency on an embedded silo, called from a plain thread as a child's
/// training thread calls it, with states of the real size and the real policy (24 → 32 → 32 → 3, replay sample 8).
/// </summary>
internal static class LatencyBench
{
    private const int WarmupCalls = 100;
    private const int WarmupRounds = 10;

    /// <summary>Times <see cref="CostsOptions.DecideCalls"/> decisions and <see cref="CostsOptions.UpdateRounds"/> updates.</summary>
    public static async Task<LatencyResult> RunAsync(EmbeddedSilo silo, CostsOptions costs, double childImagesPerSecond, string source, TextWriter log)
    {
        var options = costs.Experiment() with { Children = costs.UpdateChildren };
        var synthetic = new SyntheticChildren(options, costs.Seed);
        var ids = SyntheticChildren.Ids($"latency-{Guid.NewGuid():N}"[..16], costs.UpdateChildren);
        var coordinator = silo.Grains.GetGrain<ICoordinatorGrain>($"costs-latency-{Guid.NewGuid():N}");
        await coordinator.JoinAsync("costs-latency", options, synthetic.FeatureCount, ids);

        var decide = new List<double>(costs.DecideCalls);
        for (var i = 0; i < WarmupCalls + costs.DecideCalls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await coordinator.DecideAsync(ids[0], i, synthetic.State(i));
            if (i >= WarmupCalls)
            {
                decide.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var (update, report) = (new List<double>(costs.UpdateRounds), new List<double>());
        for (var round = 0; round < WarmupRounds + costs.UpdateRounds; round++)
        {
            for (var c = 0; c < ids.Length; c++)
            {
                var states = synthetic.State((round * ids.Length) + c);
                var decision = await coordinator.DecideAsync(ids[c], round, states);
                var message = synthetic.Report(ids[c], round, states, decision.Actions, decision.PolicyVersion);
                var started = Stopwatch.GetTimestamp();
                await coordinator.ReportAsync(message);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (round >= WarmupRounds)
                {
                    (c == ids.Length - 1 ? update : report).Add(ms);
                }
            }
        }

        var summary = await coordinator.GetSummaryAsync();
        if (summary.Updates != WarmupRounds + costs.UpdateRounds)
        {
            throw new InvalidOperationException($"costs (b): expected {WarmupRounds + costs.UpdateRounds} policy updates, the coordinator made {summary.Updates}");
        }

        await Task.WhenAll(ids.Select(coordinator.LeaveAsync));
        var windowMs = 1000.0 * costs.Window * costs.BatchSize / childImagesPerSecond;
        var d = LatencySummary.Of(decide);
        var u = LatencySummary.Of(update);
        log.WriteLine($"costs (b): decide median {d.MedianMs:F3} ms p99 {d.P99Ms:F3} ms; update median {u.MedianMs:F3} ms p99 {u.P99Ms:F3} ms; "
            + $"window {windowMs / 1000:F2} s at {childImagesPerSecond:N0} img/s → decide {100 * d.MedianMs / windowMs:F4} %");
        return new LatencyResult(d, u, report.Count > 0 ? LatencySummary.Of(report) : null, ids.Length, summary.Updates,
            childImagesPerSecond, source, windowMs / 1000, 100 * d.MedianMs / windowMs, 100 * d.P99Ms / windowMs,
            100 * u.MedianMs / windowMs, 100 * u.P99Ms / windowMs, LatencyResult.TargetDecidePercent);
    }
}
