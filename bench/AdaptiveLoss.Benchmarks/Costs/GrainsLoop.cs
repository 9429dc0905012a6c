using System.Diagnostics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Part (a) through the grains: an experiment started on an embedded silo exactly as <c>ala run</c> does (experiment
/// grain → coordinator + child grains → the silo's training worker threads), polled until it ends. The wall time is
/// the experiment's own, from its start to its last child's end; the client's polling clock is recorded beside it.
/// </summary>
internal static class GrainsLoop
{
    // Faster than the CLI's 500 ms, so the client clock stays close; each poll is a few short grain calls.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Starts a fresh silo (<paramref name="slots"/> children training at once, 0: all), trains every child of
    /// <paramref name="options"/> through it, and stops it.
    /// </summary>
    public static async Task<ThroughputRun> RunAsync(ExperimentOptions options, int repeat, CancellationToken cancellationToken, int slots = 0)
    {
        var trainCount = DataCatalog.Load(options.ChildSettings()).TrainCount;
        await using var silo = await EmbeddedSilo.StartAsync(cancellationToken, slots: slots);
        var experimentId = $"costs-{repeat}-{Guid.NewGuid():N}"[..24];
        var grain = silo.Grains.GetGrain<IExperimentGrain>(experimentId);
        var clock = Stopwatch.StartNew();
        await grain.StartAsync(options);
        ExperimentStatus status;
        var checkpointBytes = 0L;
        while (true)
        {
            checkpointBytes = Math.Max(checkpointBytes, LargestCheckpoint(Path.Combine(silo.StateDirectory, "checkpoints")));
            status = await grain.GetStatusAsync();
            if (status.State is not (ExperimentState.Running or ExperimentState.Idle))
            {
                break;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        var clientWall = clock.Elapsed.TotalSeconds;
        if (status.State != ExperimentState.Completed || status.Children.Any(c => c.State != ChildState.Completed))
        {
            var error = status.Children.FirstOrDefault(c => c.Error is not null)?.Error ?? status.State.ToString();
            throw new InvalidOperationException($"grains run {experimentId}: not every child completed ({error})");
        }

        var policy = await grain.GetPolicySummaryAsync();
        var images = trainCount * options.Epochs * options.Children;
        var perChild = status.Children
            .Select(c => c.Windows.Where(w => w.DiscardReason is null).Select(w => w.ImagesPerSecond).DefaultIfEmpty(0).Average())
            .Sum();
        return new ThroughputRun("grains", repeat, images, status.ElapsedSeconds, images / status.ElapsedSeconds, perChild, clientWall,
            policy.Updates, status.Children.Max(c => c.Outcome!.ElapsedSeconds), checkpointBytes);
    }

    // The largest window checkpoint folder on disk (checkpoints/<experiment>/<child>/w-NNNNNN/: model, Adam, state), as
    // sampled at each poll; a child deletes its checkpoint when it completes, so only running children are seen.
    private static long LargestCheckpoint(string root)
    {
        try
        {
            return !Directory.Exists(root) ? 0 : Directory.EnumerateDirectories(root, "w-*", SearchOption.AllDirectories)
                .Select(folder => Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length)).DefaultIfEmpty(0).Max();
        }
        catch (IOException)
        {
            return 0; // a folder replaced between listing and reading: the next poll sees the new one
        }
    }
}
