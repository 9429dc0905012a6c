using System.Globalization;
using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Training;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>The presentation part of costs.json (<see cref="TableDocument"/>): one table per part, against the issue's targets.</summary>
internal static class CostsDocument
{
    /// <summary>Title, description, tables and notes for the measured parts.</summary>
    public static TableDocument Build(CostsOptions o, MachineInfo machine, ThroughputResult a, LatencyResult b, IReadOnlyList<ScaleRow> c,
        IReadOnlyList<ArithmeticRow> d)
    {
        var description = $"{(o.Smoke ? "SMOKE RUN (tiny sizes; the numbers mean nothing). " : string.Empty)}Machine: {machine}. "
            + $"(a) {o.Children} CNN children, Fashion-MNIST{(o.DataDirectory is { } data ? $" from {data}" : string.Empty)}, "
            + $"train limit {o.TrainLimit:N0}, {o.Epochs} epoch(s), window {o.Window}, "
            + $"seeds {o.Seed}..{o.Seed + o.Children - 1}, validation {o.ValidationSize:N0}, batch {o.BatchSize}; bare loop and grains run "
            + $"alternately, {o.Repeats} pair(s), medians reported.";
        var throughput = new DocumentTable(
            "(a) Throughput: bare loop vs grains on an embedded silo",
            ["mode", "runs", "aggregate img/s (median)", "children's own img/s (median)", "wall outside the children, s (median)"],
            [
                ["bare loop", Count(a, "bare"), N(a.BareImagesPerSecond), N(a.BareChildrenImagesPerSecond), S(a.BareOutsideSeconds)],
                ["grains", Count(a, "grains"), N(a.GrainsImagesPerSecond), N(a.GrainsChildrenImagesPerSecond), S(a.GrainsOutsideSeconds)],
                ["grains / bare", string.Empty, $"**{Numbers.Ratio(a.Ratio)}** (target ≥ {Numbers.Plain(a.Target)})", Numbers.Ratio(a.ChildrenRatio), string.Empty],
            ],
            $"Aggregate = training images / wall time from start to the last child's end (evaluations included). Outside the children = wall − the slowest child's own run (model set-up to test evaluation): start-up, hand-offs and end reports. Pair ratios: {string.Join(", ", a.PairRatios.Select(r => Numbers.Ratio(r)))}.");
        var latency = new DocumentTable(
            "(b) Coordinator latency against a window's training time",
            ["call", "n", "median ms", "p99 ms", "median % of window", "p99 % of window"],
            [
                ["DecideAsync (45 × 24 state)", I(b.Decide.N), Ms(b.Decide.MedianMs), Ms(b.Decide.P99Ms), $"**{Pct(b.DecidePercentOfWindow)}** (target ≤ {Numbers.Plain(b.TargetPercent)} %)", Pct(b.DecideP99PercentOfWindow)],
                [$"ReportAsync closing a round of {b.UpdateChildren} (REINFORCE update)", I(b.Update.N), Ms(b.Update.MedianMs), Ms(b.Update.P99Ms), Pct(b.UpdatePercentOfWindow), Pct(b.UpdateP99PercentOfWindow)],
            ],
            $"Window = {o.Window} iterations × {o.BatchSize} images at {N(b.ChildImagesPerSecond)} img/s per child ({b.ChildImagesPerSecondSource}) = {b.WindowSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s.");
        var scale = new DocumentTable(
            "(c) Coordinator scale with simulated children (no training)",
            ["children", "rounds", "round ms (median)", "decide phase ms", "report + update ms", "ms per decision"],
            [.. c.Select(r => (IReadOnlyList<string>)[I(r.Children), I(r.Rounds), Ms(r.RoundMs), Ms(r.DecidePhaseMs), Ms(r.ReportPhaseMs), Ms(r.PerDecisionMs)])],
            "Per round every child decides (all at once, through a silo's decision batcher), then every child reports (all calls in flight at once); "
            + "the last report closes the round and updates the policy. Targets: a round of 1,000 children < 200 ms, of 10,000 < 2 s. "
            + "Grain state in memory (the same JSON documents as on disk, without the disk).");
        var arithmetic = new DocumentTable(
            "(d) The policy's arithmetic, before and after batching (same rows, no Orleans)",
            ["children", "group rows", "update: double, row by row, ms", "update: float32 batched, ms", "speed-up",
                "decide all: double, ms", "decide all: batched per child, ms", "decide all: one batched pass, ms"],
            [.. d.Select(r => (IReadOnlyList<string>)[I(r.Children), I(r.Rows), Ms(r.ReferenceUpdateMs), Ms(r.BatchedUpdateMs),
                Numbers.Ratio(r.ReferenceUpdateMs / r.BatchedUpdateMs), Ms(r.ReferenceDecideMs), Ms(r.BatchedDecidePerChildMs), Ms(r.BatchedDecideAllMs)])],
            "Update = the gradient of every group row of a round (45 per child, 24 → 32 → 32 → 3) plus the entropy pass over them. "
            + "Double row by row is PolicyNetwork, the coordinator's arithmetic before PolicyBatch and the reference its tests compare with.");
        string[] notes =
        [
            $"torch threads: the bare loop sets max(1, cores / children) = {TorchThreads.For(o.Children, machine.Cores)} per child for the "
                + "whole run; the silo's training worker re-sets them whenever the number of running children changes (docs/design.md §3), "
                + "so a child that outlives the others finishes on more threads.",
            "Bare loop controller: the coordinator's decide/report semantics (one Core PolicyLearner and RoundBook behind a lock), no Orleans.",
            "Where the children's kernel time went (part e; perf record and strace -c -f of `ala run`, 2026-12-06): page faults, not "
                + "syscalls. A CNN batch's activations (6.4 MB for conv1 at batch 128) and every evaluation chunk (50 MB at 1,000 images) were "
                + "mmap'ed and unmapped or trimmed away by glibc at each step, so the kernel zeroed and faulted every page in again "
                + "(2.0 M minor faults in a 6,000-image 1-child run; clear_page and exc_page_fault led the kernel profile). The fix "
                + "(Training/ChildTuning.cs): fixed mmap/trim thresholds and top pad through mallopt at start-up, and evaluation chunks of 250.",
            "torch threads were not what the worker asked for: set_num_threads reaches only the calling thread's OpenMP team, so a "
                + "child that started alone kept 2 threads after a second child started (3 busy threads on 2 cores). Each child now "
                + "applies the target on its own thread (TorchThreads.Apply).",
            "Left as is: the sched_yield calls (≈28 k in a 3,000-image 2-child run) come from .NET's thread-pool spinning "
                + "(System.Private.CoreLib), not from libtorch; DOTNET_ThreadPool_UnfairSemaphoreSpinLimit would remove them at a "
                + "possible cost to the coordinator's call latency, which part (b) would have to show first. The ≈19 k mprotect and "
                + "≈6 k mmap/munmap calls per run did not change with the fix (so they are not the tensors' buffers; not traced further).",
        ];
        DocumentFigure[] figures =
        [
            new("costs-scale.png", "Coordinator round and the policy's arithmetic against the number of children", "children", "ms",
            [
                new("round (grains)", [.. c.Select(r => (double)r.Children)], [.. c.Select(r => r.RoundMs)]),
                new("update, double row by row", [.. d.Select(r => (double)r.Children)], [.. d.Select(r => r.ReferenceUpdateMs)]),
                new("update, float32 batched", [.. d.Select(r => (double)r.Children)], [.. d.Select(r => r.BatchedUpdateMs)]),
            ]),
        ];
        return new TableDocument("What the orchestration costs", description, [throughput, latency, scale, arithmetic], notes, figures);
    }

    private static string Count(ThroughputResult a, string mode) => I(a.Runs.Count(r => r.Mode == mode));

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString(value < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture);

    private static string Pct(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture) + " %";
}
