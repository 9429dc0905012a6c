using System.Diagnostics;
using System.Text.Json;
using AdaptiveLoss.Benchmarks.Costs;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Models;
using TorchSharp;

namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>
/// <c>./bench.sh peer</c>: the same CNN, batch size, data and thread count trained by TorchSharp (a bare C# loop) and
/// by PyTorch (Debian's python3-torch), alternately; writes peer.json with images/s of each and their ratio.
/// </summary>
internal static class PeerSuite
{
    /// <summary>The suite's name on the command line.</summary>
    public const string Name = "peer";

    /// <summary>The model both sides train (SmallCnn.cs; pytorch_cnn.py mirrors it).</summary>
    public const string Model = "SmallCnn: conv 1→16 3×3 pad 1, relu, maxpool 2, conv 16→32 3×3 pad 1, relu, maxpool 2, flatten, fc 1568→64, relu, fc 64→10; Adam, cross-entropy";

    /// <summary>The flags after the name, for the dispatcher's help.</summary>
    public const string Usage =
        "[--smoke] [--batches 300] [--warmup 20] [--threads 1,2] [--repeats 2] [--batch-size 128] [--lr 0.001] "
        + "[--validation-size 5000] [--seed 1] [--data DIR] [--python /usr/bin/python3] [--script PATH] [--install | --no-install] "
        + "[--out DIR]   TorchSharp vs PyTorch (python3-torch) on the same CNN (peer.json)";

    /// <summary>Flags that take a value (besides the dispatcher's --out).</summary>
    public static readonly string[] ValueFlags =
    [
        "--batches", "--warmup", "--threads", "--repeats", "--batch-size", "--lr", "--validation-size", "--seed", "--data", "--python", "--script",
    ];

    /// <summary>Flags without a value.</summary>
    public static readonly string[] Switches = ["--smoke", "--install", "--no-install"];

    /// <summary>The skip reason when PyTorch is not importable and not installed by this run.</summary>
    public const string NotInstalled = "skipped: python3-torch not installed";

    /// <summary>The dispatcher's registration (Program.cs).</summary>
    public static IBenchSuite Create() =>
        new FlagSuite(Name, Usage, ValueFlags, Switches, args => PeerOptions.Parse(args), RunAsync);

    /// <summary>Runs the suite; returns the process exit code (2 for bad flags). Cancellation is checked between runs.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        Task.FromResult(Run(args, output, error, cancellationToken));

    private static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        PeerOptions peer;
        try
        {
            peer = PeerOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine($"bench peer: {ex.Message}");
            return 2;
        }

        var result = Measure(peer, output, cancellationToken);
        BenchJson.Write(peer.OutPath, result);
        foreach (var row in result.Rows)
        {
            output.WriteLine($"peer: {row.Threads} thread(s): TorchSharp {row.TorchSharpImagesPerSecond:N0} img/s, "
                + (row.PyTorchImagesPerSecond is { } py ? $"PyTorch {py:N0} img/s, ratio {row.Ratio:F3} (target ≥ {PeerRow.TargetRatio})" : result.PyTorchSkipped));
        }

        output.WriteLine($"peer: wrote {peer.OutPath}");
        return 0;
    }

    /// <summary>Every (thread count, repeat): TorchSharp then PyTorch; medians per thread count.</summary>
    public static PeerResult Measure(PeerOptions peer, TextWriter log, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var defaultThreads = torch.get_num_threads();
        var script = PyTorchRunner.LocateScript(peer.Script);
        var (available, installed, skipped) = PreparePython(peer, log);
        var data = DataCatalog.Load(TorchSharpCnnLoop.Experiment(peer).ChildSettings());
        long parameters;
        using (var model = ModelFactory.Create(ModelKind.Cnn, data.InputShape, data.Classes))
        {
            parameters = ModelFactory.ParameterCount(model);
        }

        var runs = new List<PeerRun>();
        JsonElement? report = null;
        try
        {
            foreach (var threads in peer.Threads)
            {
                for (var repeat = 1; repeat <= peer.Repeats; repeat++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    runs.Add(Logged(log, TorchSharpCnnLoop.Run(peer, threads, repeat)));
                    if (available)
                    {
                        var (run, json) = PyTorchRunner.Run(peer, script, threads, repeat);
                        runs.Add(Logged(log, run));
                        report = json;
                    }
                }
            }
        }
        finally
        {
            // torch's thread count is process-wide: leave it as found for whatever runs next in this process.
            torch.set_num_threads(defaultThreads);
        }

        var rows = peer.Threads.Select(threads => Row(threads, runs)).ToArray();
        var versions = PeerVersions.Of(defaultThreads, report, PyTorchRunner.PackageVersion());
        var machine = MachineInfo.Current();
        var document = PeerDocument.Build(peer, machine, versions, rows, runs, skipped);
        return new PeerResult(document.Title, document.Description, document.Tables, document.Notes, Name, peer.Smoke,
            DateTimeOffset.UtcNow, machine, Model, parameters, peer, versions, installed, skipped, rows, runs, clock.Elapsed.TotalSeconds);
    }

    private static (bool Available, bool Installed, string? Skipped) PreparePython(PeerOptions peer, TextWriter log)
    {
        if (PyTorchRunner.Available(peer.Python))
        {
            return (true, false, null);
        }

        if (!peer.Install)
        {
            return (false, false, NotInstalled);
        }

        var failure = PyTorchRunner.Install(log);
        return failure is null && PyTorchRunner.Available(peer.Python)
            ? (true, true, null)
            : throw new InvalidOperationException($"peer: PyTorch is not usable from {peer.Python}: {failure ?? "import torch still fails after the install"}");
    }

    private static PeerRow Row(int threads, IReadOnlyList<PeerRun> runs)
    {
        var sharp = LatencySummary.Median(runs.Where(r => r.Framework == "torchsharp" && r.Threads == threads).Select(r => r.ImagesPerSecond));
        var py = runs.Where(r => r.Framework == "pytorch" && r.Threads == threads).Select(r => r.ImagesPerSecond).ToArray();
        double? pyMedian = py.Length > 0 ? LatencySummary.Median(py) : null;
        return new PeerRow(threads, sharp, pyMedian, pyMedian is { } p ? sharp / p : null, PeerRow.TargetRatio);
    }

    private static PeerRun Logged(TextWriter log, PeerRun run)
    {
        log.WriteLine($"peer: {run.Framework,-10} {run.Threads} thread(s) #{run.Repeat}: {run.Images:N0} images in {run.Seconds:F2} s = "
            + $"{run.ImagesPerSecond:N0} img/s (last loss {run.FinalLoss:F3})");
        return run;
    }
}
