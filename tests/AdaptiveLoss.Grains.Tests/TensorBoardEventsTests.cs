using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Reporting.Tests.TensorBoard;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>The silo writes each child's TensorBoard events as its windows end: no client needs to watch.</summary>
[Collection(ScriptedClusterCollection.Name)]
public sealed class TensorBoardEventsTests(ScriptedClusterFixture fixture) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ala-grains-tb-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Experiment_WithATensorBoardFolderAndNoWatcher_OneEventPerWindowInEveryChildsFile()
    {
        var id = $"exp-{Guid.NewGuid():N}"[..16];
        var release = new TaskCompletionSource();
        fixture.Runner.HoldAt(id, window: 2, release.Task);
        var experiment = fixture.Grains.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(new ExperimentOptions { Children = 2, Epochs = 3, TensorBoardDirectory = _root });

        // Nobody asks for a status: the events of windows 0 and 1 are on disk while the children wait before window 2.
        await Task.WhenAll(fixture.Runner.HeldAsync($"{id}/0"), fixture.Runner.HeldAsync($"{id}/1"));
        Assert.Equal(["child-0", "child-1"], Directory.GetDirectories(Path.Combine(_root, id)).Select(Path.GetFileName).Order());
        Assert.All(new[] { 0, 1 }, child => Assert.Equal([1L, 2L], Events(id, child).Skip(1).Select(e => e.Step)));

        release.SetResult();
        await Eventually.WaitAsync(experiment.GetStatusAsync, s => s.State != ExperimentState.Running, TimeSpan.FromSeconds(20), $"end of {id}");
        foreach (var child in new[] { 0, 1 })
        {
            var events = Events(id, child);
            Assert.Equal("brain.Event:2", events[0].FileVersion);
            Assert.Equal([1L, 2L, 3L], events.Skip(1).Select(e => e.Step));
            // The scripted child's validation error of window w is 0.5 − 0.01 w.
            Assert.All(events.Skip(1), e => Assert.Contains(("validation/error", (float)(0.5 - (0.01 * (e.Step - 1)))), e.Scalars));
        }
    }

    private IReadOnlyList<DecodedEvent> Events(string id, int child) =>
        EventFileReader.Read(Assert.Single(Directory.GetFiles(Path.Combine(_root, id, $"child-{child}"))));
}
