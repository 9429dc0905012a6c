using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Grains.Workers;
using AdaptiveLoss.Training;

namespace AdaptiveLoss.Grains.Tests.Persistence;

/// <summary>
/// Grain state and resume (docs/durability.md) at the grain level: a silo stopped mid-run leaves its experiment unfinished in the state folder; a
/// new silo on the same folder continues it when the experiment is next asked for, and every (child, window) ends up
/// counted exactly once. (The process-kill version, with real training and checkpoints, is the CLI's resume test.)
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private const int Windows = 6;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _state = Directory.CreateTempSubdirectory("ala-resume-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task SiloStoppedMidRun_NewSiloOnTheSameState_CompletesEveryWindowOnce()
    {
        var id = $"exp-{Guid.NewGuid():N}"[..16];
        var options = new ExperimentOptions { Children = 3, Epochs = Windows, Seed = 4 };
        long versionAtStop;
        var stalling = new StallingRunner(stallAt: 3);
        await using (var first = await ClusterFactory.DeployAsync(stalling, o => o.ChildWatchSeconds = 0.2, stateDirectory: _state))
        {
            var experiment = first.Client.GetGrain<IExperimentGrain>(id);
            await experiment.StartAsync(options);
            // A child asks for window 3's actions only after its report of window 2 has returned.
            await stalling.StalledAsync(3).WaitAsync(Deadline);
            versionAtStop = (await experiment.GetPolicySummaryAsync()).Version;
        }

        Assert.Equal(3, versionAtStop);
        await using var second = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), o => o.ChildWatchSeconds = 0.2, stateDirectory: _state);
        var resumed = second.Client.GetGrain<IExperimentGrain>(id);
        // The first call activates the stored experiment, which resumes its children.
        await resumed.GetStatusAsync();
        var status = await ExperimentEnds.WaitAsync(resumed, Deadline);
        var policy = await resumed.GetPolicySummaryAsync();

        Assert.Equal(ExperimentState.Completed, status.State);
        Assert.All(status.Children, c => Assert.Equal(Enumerable.Range(0, Windows), c.Windows.Select(w => w.Window)));
        // The re-run windows 0-2 were refused as duplicates: each (child, window) is one transition, one round per window.
        Assert.Equal(3 * Windows, policy.Transitions);
        Assert.Equal(3 * Windows, policy.Rewards.Select(r => (r.ChildId, r.Window)).Distinct().Count());
        Assert.Equal((Windows, (long)Windows), (policy.Rounds, policy.Version));
    }

    [Fact]
    public async Task CompletedExperiment_ReadBackByANewSilo_SameStatusAndPolicy()
    {
        var id = $"exp-{Guid.NewGuid():N}"[..16];
        ExperimentStatus before;
        PolicySummary policyBefore;
        await using (var first = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), stateDirectory: _state))
        {
            var experiment = first.Client.GetGrain<IExperimentGrain>(id);
            await experiment.StartAsync(new ExperimentOptions { Children = 2, Epochs = 3 });
            before = await ExperimentEnds.WaitAsync(experiment, Deadline);
            policyBefore = await experiment.GetPolicySummaryAsync();
        }

        await using var second = await ClusterFactory.DeployAsync(new ScriptedChildRunner(), stateDirectory: _state);
        var after = await second.Client.GetGrain<IExperimentGrain>(id).GetStatusAsync();
        var policyAfter = await second.Client.GetGrain<IExperimentGrain>(id).GetPolicySummaryAsync();

        Assert.Equal(ExperimentState.Completed, after.State);
        Assert.Equal(before.Children.Select(c => (c.ChildId, c.State, c.Windows.Count, c.Outcome?.TestError)),
            after.Children.Select(c => (c.ChildId, c.State, c.Windows.Count, c.Outcome?.TestError)));
        Assert.Equal((policyBefore.Version, policyBefore.Transitions), (policyAfter.Version, policyAfter.Transitions));
        Assert.Equal(policyBefore.Rewards, policyAfter.Rewards);
    }

    /// <summary>Runs windows like <see cref="ScriptedChildRunner"/> up to <c>stallAt</c>, then waits until stopped.</summary>
    private sealed class StallingRunner(int stallAt) : IChildRunner
    {
        private readonly ScriptedChildRunner _script = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
        private int _stalled;

        /// <summary>Completes once <paramref name="count"/> children have reached their stall (an event, not a poll).</summary>
        public Task StalledAsync(int count)
        {
            lock (_waiters)
            {
                if (_stalled >= count)
                {
                    return Task.CompletedTask;
                }

                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, reached));
                return reached.Task;
            }
        }

        public ChildOutcome Run(ChildSpec spec, IChildController controller, CancellationToken cancellationToken)
        {
            var stalled = new StallingController(controller, stallAt, Stalled, cancellationToken);
            return _script.Run(spec, stalled, cancellationToken);
        }

        private void Stalled()
        {
            lock (_waiters)
            {
                _stalled++;
                foreach (var waiter in _waiters.Where(w => w.Count <= _stalled).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Reached.SetResult();
                }
            }
        }

        public void ConfigureThreads(int runningChildren)
        {
        }
    }

    private sealed class StallingController(IChildController inner, int stallAt, Action stalled, CancellationToken cancellationToken)
        : IChildController
    {
        public PolicyDecision Decide(string childId, int window, float[][] states)
        {
            if (window >= stallAt)
            {
                stalled();
                cancellationToken.WaitHandle.WaitOne();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return inner.Decide(childId, window, states);
        }

        public void Report(WindowReport report) => inner.Report(report);
    }
}
