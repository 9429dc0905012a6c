using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Part (a)'s baseline: the same children as the grains run, trained in this process with no Orleans — one dedicated
/// thread per child calling <see cref="ChildRun.Execute"/> with a shared <see cref="LocalController"/>, torch threads
/// set by <see cref="TorchThreads.Configure"/> for all children at once (what the silo's worker converges to).
/// </summary>
internal static class BareLoop
{
    /// <summary>Trains every child of <paramref name="options"/> to the end and times it.</summary>
    public static ThroughputRun Run(ExperimentOptions options, int repeat)
    {
        var ids = Enumerable.Range(0, options.Children).Select(i => $"bare-{repeat}/{i}").ToArray();
        var settings = options.ChildSettings();
        var trainCount = DataCatalog.Load(settings).TrainCount;
        var controller = new LocalController(options, Core.Control.PairStateBuilder.FeatureCountFor(options.HistoryLength), ids);
        TorchThreads.Configure(options.Children);
        var outcomes = new ChildOutcome?[ids.Length];
        var errors = new Exception?[ids.Length];
        var ends = new long[ids.Length];
        var start = Stopwatch.GetTimestamp();
        var threads = ids.Select((id, i) => new Thread(() =>
        {
            try
            {
                outcomes[i] = ChildRun.Execute(new ChildSpec(id, i, options.Seed + i, settings), controller, CancellationToken.None);
            }
            catch (Exception ex)
            {
                errors[i] = ex;
            }
            finally
            {
                ends[i] = Stopwatch.GetTimestamp();
                controller.Leave(id);
            }
        }) { IsBackground = true, Name = $"bare-child-{i}" }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            throw new InvalidOperationException($"bare loop: a child failed: {error.Message}", error);
        }

        var wall = Stopwatch.GetElapsedTime(start, ends.Max()).TotalSeconds;
        var images = trainCount * options.Epochs * options.Children;
        var perChild = controller.WindowImagesPerSecond().Values.Select(v => v.Length > 0 ? v.Average() : 0).Sum();
        return new ThroughputRun("bare", repeat, images, wall, images / wall, perChild, null, controller.Updates,
            outcomes.Max(o => o!.ElapsedSeconds));
    }
}
