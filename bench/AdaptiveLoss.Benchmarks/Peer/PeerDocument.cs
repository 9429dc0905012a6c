using System.Globalization;
using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>The presentation part of peer.json (<see cref="TableDocument"/>): TorchSharp versus PyTorch per thread count.</summary>
internal static class PeerDocument
{
    /// <summary>Title, description, the table and notes.</summary>
    public static TableDocument Build(PeerOptions o, MachineInfo machine, PeerVersions v, IReadOnlyList<PeerRow> rows, IReadOnlyList<PeerRun> runs, string? skipped)
    {
        var description = $"{(o.Smoke ? "SMOKE RUN (tiny sizes; the numbers mean nothing). " : string.Empty)}Machine: {machine}. "
            + $"{PeerSuite.Model}; batch {o.BatchSize}, Adam {Numbers.Plain(o.LearningRate, 6)}, Fashion-MNIST training split "
            + $"(validation {o.ValidationSize:N0} held out, standardised as the children's data); {o.Batches} timed batches after "
            + $"{o.WarmupBatches} warm-up, {o.Repeats} alternating pair(s) per thread count, medians reported.";
        var table = new DocumentTable(
            "Training images/s, one loop, same thread count",
            ["torch threads", "TorchSharp img/s", "PyTorch img/s", "TorchSharp / PyTorch"],
            [.. rows.Select(r => (IReadOnlyList<string>)[
                r.Threads.ToString(CultureInfo.InvariantCulture),
                N(r.TorchSharpImagesPerSecond),
                r.PyTorchImagesPerSecond is { } p ? N(p) : skipped ?? Numbers.Missing,
                r.Ratio is { } ratio ? $"**{Numbers.Ratio(ratio)}** (target ≥ {Numbers.Plain(r.Target)})" : Numbers.Missing])],
            null);
        var pairs = runs.Where(r => r.Framework == "pytorch")
            .Select(py => (py, sharp: runs.First(r => r.Framework == "torchsharp" && r.Threads == py.Threads && r.Repeat == py.Repeat)))
            .ToArray();
        string[] notes =
        [
            .. pairs.Length > 0 && pairs.All(p => Math.Abs(p.py.FinalLoss - p.sharp.FinalLoss) < 1e-3)
                ? [$"Both sides trained the same computation: same initial weights and batch order (seeded), last-batch losses agree ({Numbers.Plain(pairs[0].sharp.FinalLoss, 4)})."]
                : Array.Empty<string>(),
            $"TorchSharp {v.TorchSharp} on {v.LibTorch ?? "libtorch (version unknown)"}; PyTorch {v.PyTorch ?? "not run"}"
                + $"{(v.PyTorchPackage is { } pkg ? $" (Debian python3-torch {pkg}" + (v.PyTorchBlas is { } blas ? $", BLAS {blas})" : ")") : string.Empty)}"
                + $"{(v.Python is { } py ? $", Python {py}" : string.Empty)}{(v.Numpy is { } np ? $", numpy {np}" : string.Empty)}.",
        ];
        return new TableDocument("A peer: the same CNN in PyTorch", description, [table], notes);
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
