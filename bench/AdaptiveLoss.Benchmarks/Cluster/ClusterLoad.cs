using System.Globalization;
using AdaptiveLoss.Benchmarks.Costs;
using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Cluster;

/// <summary>bench/results/cluster.json: the load test's figures (the TableDocument part is what docs/results.md shows).</summary>
internal sealed record ClusterResult(
    string? Title,
    string? Description,
    IReadOnlyList<DocumentTable>? Tables,
    IReadOnlyList<string>? Notes,
    string Suite,
    bool Smoke,
    DateTimeOffset CreatedUtc,
    MachineInfo Machine,
    ClusterOptions Parameters,
    double WallSeconds,
    int RunsSucceeded,
    int CountedWindows,
    int Transitions,
    int DistinctTransitions,
    int Lost,
    int Doubled,
    int Rounds,
    double TransitionsPerSecond,
    LatencySummary RoundLatencyMs,
    LatencySummary CloseAfterLastReportMs,
    LatencySummary PollMs,
    double PollBytesMedian,
    long PollBytesMax,
    IReadOnlyList<int> ChildrenPerSilo);

/// <summary>Turns an observation into the figures and their table (docs/results.md, "A cluster under load").</summary>
internal static class ClusterLoad
{
    /// <summary>Every figure of the run.</summary>
    public static ClusterResult Result(ClusterOptions o, ClusterObservation seen, IReadOnlyList<int> childrenPerSilo, int runsSucceeded, double wallSeconds)
    {
        var rewards = seen.Summary.Rewards;
        var distinct = rewards.Select(r => (r.ChildId, r.Window)).Distinct().Count();
        var counted = seen.CountedWindows.Values.Sum();
        var rounds = rewards.GroupBy(r => r.Round)
            .Select(g => (Round: g.Key, Reports: g.Select(r => seen.Reported.TryGetValue((r.ChildId, r.Window), out var t) ? t : double.NaN).ToArray()))
            .Where(r => r.Reports.All(double.IsFinite) && seen.Closed.ContainsKey(r.Round))
            .ToArray();
        var latencies = rounds.Select(r => 1000 * Math.Max(0, seen.Closed[r.Round] - r.Reports.Min())).ToArray();
        var afterLast = rounds.Select(r => 1000 * Math.Max(0, seen.Closed[r.Round] - r.Reports.Max())).ToArray();
        var first = seen.Reported.Count == 0 ? 0 : seen.Reported.Values.Min();
        var last = seen.Closed.Count == 0 ? 0 : seen.Closed.Values.Max();
        var machine = MachineInfo.Current();
        var result = new ClusterResult(null, null, null, null, ClusterLoadSuite.Name, o.Smoke, DateTimeOffset.UtcNow, machine, o, wallSeconds,
            runsSucceeded, counted, rewards.Count, distinct, Math.Max(0, counted - distinct), rewards.Count - distinct,
            rewards.Select(r => r.Round).Distinct().Count(), last > first ? rewards.Count / (last - first) : 0,
            latencies.Length == 0 ? throw new InvalidOperationException("cluster: the observer saw no round close; the load did not run") : LatencySummary.Of(latencies),
            LatencySummary.Of(afterLast),
            LatencySummary.Of(seen.PollMs), LatencySummary.Median(seen.PollBytes.Select(b => (double)b)),
            seen.PollBytes.Count == 0 ? 0 : seen.PollBytes.Max(), childrenPerSilo);
        return result with { Title = "A cluster under load", Description = Describe(o, machine), Tables = [Table(result)], Notes = Notes(o) };
    }

    private static string Describe(ClusterOptions o, MachineInfo machine) =>
        $"{(o.Smoke ? "SMOKE RUN (tiny sizes; the numbers mean nothing). " : string.Empty)}Machine: {machine}. {o.Silos} `ala-silo` processes "
        + $"clustered through one redis-server on loopback; {o.Experiments} concurrent `ala run --cluster` sharing one policy "
        + $"(`--share-policy`), {o.Children} MLP children each ({o.TotalChildren} in all), Fashion-MNIST train limit {o.TrainLimit:N0}, "
        + $"validation {o.ValidationSize:N0}, {o.Epochs} epoch(s), window {o.Window}; an observer client polls every experiment and the "
        + $"coordinator every {o.PollMilliseconds} ms.";

    private static DocumentTable Table(ClusterResult r) => new(
        "Load on the shared coordinator",
        ["figure", "value"],
        [
            ["runs completed", $"{r.RunsSucceeded} of {r.Parameters.Experiments}"],
            ["wall time of the load, s", r.WallSeconds.ToString("0.0", CultureInfo.InvariantCulture)],
            ["children per silo (placement)", string.Join(" / ", r.ChildrenPerSilo)],
            ["windows the children counted", N(r.CountedWindows)],
            ["transitions in the policy's rounds (distinct)", $"{N(r.Transitions)} ({N(r.DistinctTransitions)})"],
            ["lost / doubled transitions", $"**{r.Lost} / {r.Doubled}** (target 0 / 0)"],
            ["rounds", N(r.Rounds)],
            ["transitions per second at the coordinator", r.TransitionsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)],
            ["round latency (first report → closed), median / p99 / max ms", $"{Ms(r.RoundLatencyMs.MedianMs)} / {Ms(r.RoundLatencyMs.P99Ms)} / {Ms(r.RoundLatencyMs.MaxMs)}"],
            ["round close after its last report, median / p99 ms", $"{Ms(r.CloseAfterLastReportMs.MedianMs)} / {Ms(r.CloseAfterLastReportMs.P99Ms)}"],
            ["status poll (`GetStatusSinceAsync`), median / p99 ms", $"{Ms(r.PollMs.MedianMs)} / {Ms(r.PollMs.P99Ms)} ({N(r.PollMs.N)} polls)"],
            ["status poll answer, median / max bytes", $"{N((int)r.PollBytesMedian)} / {N((int)r.PollBytesMax)}"],
        ],
        "Lost = counted windows whose transition never reached a round; doubled = transitions listed in more than one round. "
        + "A round waits for a window from every live child, so its latency from the first report is the spread of the children's pace; "
        + "the close after the last report is the coordinator's own share. Times are seen from outside, to within one poll interval.");

    private static string[] Notes(ClusterOptions o) =>
    [
        "Placement: each silo's log names the children it trained (`Child … training`); children go to the silo with free slots (docs/cluster.md).",
        "A status poll asks for the windows reported since the client's cursor, so its answer stays small however long the run (docs/design.md §3).",
    ];

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture);
}
