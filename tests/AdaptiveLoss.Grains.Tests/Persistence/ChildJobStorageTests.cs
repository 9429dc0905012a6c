using System.Collections.Concurrent;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains.Workers;
using AdaptiveLoss.Training;

namespace AdaptiveLoss.Grains.Tests.Persistence;

/// <summary>
/// Settings by owner (docs/design.md §3): a child is handed its experiment's <see cref="ChildSettings"/> only, and its job
/// is stored once beside its record, which is rewritten every window without it (docs/durability.md).
/// </summary>
public sealed class ChildJobStorageTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _state = Directory.CreateTempSubdirectory("ala-child-job-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public async Task Experiment_EachChildGetsTheChildSettings_JobStoredApartFromTheRecord()
    {
        var id = $"exp-{Guid.NewGuid():N}"[..16];
        var options = new ExperimentOptions { Children = 2, Epochs = 3, Beta = 0.07, Seed = 5, PolicyHidden = 16 };
        var runner = new RecordingRunner(new ScriptedChildRunner());
        await using (var cluster = await ClusterFactory.DeployAsync(runner, stateDirectory: _state))
        {
            var experiment = cluster.Client.GetGrain<IExperimentGrain>(id);
            await experiment.StartAsync(options);
            Assert.Equal(ExperimentState.Completed, (await ExperimentEnds.WaitAsync(experiment, Deadline)).State);
        }

        Assert.Equal([(0, 5), (1, 6)], runner.Specs.Select(s => (s.Index, s.Seed)).Order());
        Assert.All(runner.Specs, s => Assert.Equal(options.ChildSettings(), s.Settings));
        var jobs = Documents("child-job");
        var records = Documents("child");
        Assert.Equal(2, jobs.Length);
        Assert.Equal(2, records.Length);
        Assert.All(jobs, text => Assert.Contains("settings", text, StringComparison.OrdinalIgnoreCase));
        Assert.All(records, text => Assert.DoesNotContain("settings", text, StringComparison.OrdinalIgnoreCase));
    }

    // The stored documents of one grain state (FileGrainStorage keeps each state name in a folder of its own).
    private string[] Documents(string stateName) => [.. Directory.GetDirectories(_state, stateName, SearchOption.AllDirectories)
        .SelectMany(folder => Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)).Select(File.ReadAllText)];

    /// <summary>Records every spec it is handed, then trains as <paramref name="inner"/>.</summary>
    private sealed class RecordingRunner(IChildRunner inner) : IChildRunner
    {
        private readonly ConcurrentQueue<ChildSpec> _specs = new();

        public IReadOnlyCollection<ChildSpec> Specs => _specs;

        public ChildOutcome Run(ChildSpec spec, IChildController controller, CancellationToken cancellationToken)
        {
            _specs.Enqueue(spec);
            return inner.Run(spec, controller, cancellationToken);
        }

        public void ConfigureThreads(int runningChildren) => inner.ConfigureThreads(runningChildren);
    }
}
