using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.DependencyInjection;
using AdaptiveLoss.Core.Options;
using Orleans.TestingHost;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>The per-silo training worker: dedicated threads, slot limit with a FIFO queue, cancellation, shutdown.</summary>
public sealed class TrainingWorkerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly ExperimentOptions ThreeChildren = new() { Children = 3, Epochs = 1 };

    [Fact]
    public async Task OneSlot_ChildrenQueueAndRunOneAtATimeInOrder_OnDedicatedThreads()
    {
        var runner = new GatedChildRunner();
        await using var cluster = await ClusterFactory.DeployAsync(runner, o => o.MaxConcurrentChildren = 1);
        var (experiment, id) = await StartAsync(cluster);

        var first = await WaitForStatesAsync(experiment, [ChildState.Running, ChildState.Queued, ChildState.Queued]);
        runner.Open($"{id}/0");
        await WaitForStatesAsync(experiment, [ChildState.Completed, ChildState.Running, ChildState.Queued]);
        runner.Open($"{id}/1");
        runner.Open($"{id}/2");
        var end = await ExperimentEnds.WaitAsync(experiment, Deadline);

        Assert.Equal(ExperimentState.Completed, end.State);
        Assert.Equal([$"{id}/0", $"{id}/1", $"{id}/2"], runner.Started);
        Assert.Equal(1, runner.MaxRunning);
        Assert.All(runner.Threads, t => Assert.True(t.Background && !t.Pool && t.Name!.StartsWith("child-", StringComparison.Ordinal), $"{t}"));
        Assert.All(runner.ThreadConfigurations, n => Assert.Equal(1, n));
        Assert.Equal(ExperimentState.Running, first.State);
    }

    [Fact]
    public async Task Resume_RightAfterAnInterrupt_TrainsAgainOnceTheInterruptedRunIsOut()
    {
        // A child grain deactivated and activated again on the same silo: the new activation resumes while the old
        // activation's interrupted thread may still be finishing. The new run must follow it, not be dropped.
        var runner = new GatedChildRunner();
        await using var cluster = await ClusterFactory.DeployAsync(runner);
        var worker = cluster.Silos[0].ServiceProvider.GetRequiredService<TrainingWorker>();
        var job = new ChildJob("exp-resume", 0, 1, "exp-resume", new ChildSettings());
        worker.Start(job, CancellationToken.None);
        await runner.StartedAsync(1).WaitAsync(Deadline);

        worker.Interrupt("exp-resume/0");
        worker.Resume(job, CancellationToken.None);
        await runner.StartedAsync(2).WaitAsync(Deadline);
        runner.Open("exp-resume/0");
        await Eventually.WaitAsync(() => Task.FromResult(worker.Holds("exp-resume/0")), held => !held, Deadline, "second run ended");

        Assert.Equal(["exp-resume/0"], runner.SawCancellation);
        // A resume while a run that was not interrupted is still held changes nothing.
        worker.Start(job, CancellationToken.None);
        await runner.StartedAsync(3).WaitAsync(Deadline);
        worker.Resume(job, CancellationToken.None);
        runner.Open("exp-resume/0");
        await Eventually.WaitAsync(() => Task.FromResult(worker.Holds("exp-resume/0")), held => !held, Deadline, "third run ended");
        Assert.Equal(3, runner.Started.Count);
    }

    [Fact]
    public async Task CancelAsync_RunningAndQueuedChildren_AllCancelledPromptly()
    {
        var runner = new GatedChildRunner();
        await using var cluster = await ClusterFactory.DeployAsync(runner, o => o.MaxConcurrentChildren = 1);
        var (experiment, _) = await StartAsync(cluster);
        await WaitForStatesAsync(experiment, [ChildState.Running, ChildState.Queued, ChildState.Queued]);
        // Running is reported when the slot is granted; a thread cancelled before it enters its run never calls the
        // runner. Cancel once the running child is inside its run.
        await runner.StartedAsync(1).WaitAsync(Deadline);

        await experiment.CancelAsync();
        var end = await ExperimentEnds.WaitAsync(experiment, Deadline);

        Assert.Equal(ExperimentState.Cancelled, end.State);
        Assert.All(end.Children, c => Assert.Equal(ChildState.Cancelled, c.State));
        Assert.Single(runner.Started); // the queued children never trained
    }

    [Fact]
    public async Task SiloShutdown_WhileChildrenTrain_CancelsThemAndJoinsTheirThreads()
    {
        var runner = new GatedChildRunner();
        var cluster = await ClusterFactory.DeployAsync(runner);
        var (experiment, _) = await StartAsync(cluster);
        await WaitForStatesAsync(experiment, [ChildState.Running, ChildState.Running, ChildState.Running]);
        // Running is reported when a slot is granted; under load a thread may not have entered its run yet, and a
        // thread cancelled before that never calls the runner. Wait until all three are inside their runs.
        await runner.StartedAsync(3).WaitAsync(Deadline);

        await cluster.DisposeAsync();

        // StopAsync joins the threads, so every run has observed its cancellation by the time the silo is gone.
        Assert.Equal(3, runner.SawCancellation.Count);
    }

    private static async Task<(IExperimentGrain Experiment, string Id)> StartAsync(InProcessTestCluster cluster)
    {
        var id = $"exp-{Guid.NewGuid():N}"[..16];
        var experiment = cluster.Client.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(ThreeChildren);
        return (experiment, id);
    }

    private static Task<ExperimentStatus> WaitForStatesAsync(IExperimentGrain experiment, ChildState[] states) =>
        Eventually.WaitAsync(experiment.GetStatusAsync, s => s.Children.Select(c => c.State).SequenceEqual(states), Deadline,
            $"children {string.Join(",", states)}");
}
