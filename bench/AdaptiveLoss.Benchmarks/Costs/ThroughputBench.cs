using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Part (a): the same children trained alternately by the bare loop and through the grains (bare, grains, bare, …),
/// so that a slow drift of the machine hits both modes alike. Data is loaded once, before any timing, and shared by
/// both modes through the process's <see cref="DataCatalog"/>.
/// </summary>
internal static class ThroughputBench
{
    /// <summary>Runs the warm-up (optional) and <see cref="CostsOptions.Repeats"/> bare/grains pairs.</summary>
    public static async Task<ThroughputResult> RunAsync(CostsOptions costs, TextWriter log, CancellationToken cancellationToken)
    {
        var options = costs.Experiment();
        DataCatalog.Load(options.ChildSettings());
        if (costs.Warmup)
        {
            // A few batches in each mode: TorchSharp's natives, the JIT and Orleans' first activation are not measured.
            var tiny = costs.Experiment(trainLimit: costs.BatchSize * 2, window: 1);
            log.WriteLine("costs (a): warm-up");
            BareLoop.Run(tiny, 0);
            await GrainsLoop.RunAsync(tiny, 0, cancellationToken);
        }

        var runs = new List<ThroughputRun>();
        for (var repeat = 1; repeat <= costs.Repeats; repeat++)
        {
            runs.Add(Report(log, BareLoop.Run(options, repeat)));
            runs.Add(Report(log, await GrainsLoop.RunAsync(options, repeat, cancellationToken)));
        }

        return ThroughputResult.Of(runs);
    }

    private static ThroughputRun Report(TextWriter log, ThroughputRun run)
    {
        log.WriteLine($"costs (a): {run.Mode,-6} #{run.Repeat}: {run.TrainingImages:N0} images in {run.WallSeconds:F2} s = "
            + $"{run.ImagesPerSecond:N0} img/s (children's own {run.ChildrenImagesPerSecond:N0} img/s, {run.PolicyUpdates} updates; {run.OutsideChildrenSeconds:F2} s outside the children)");
        return run;
    }
}
