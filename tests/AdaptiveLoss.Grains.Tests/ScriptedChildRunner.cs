using System.Collections.Concurrent;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains.Workers;
using AdaptiveLoss.Training;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// A fake child: one window per epoch, each a real decide and report through the controller with random states and
/// rewards; it throws in the window a test asked for. Lets orchestration tests run in milliseconds without libtorch.
/// </summary>
public sealed class ScriptedChildRunner : IChildRunner
{
    public const int Groups = 45;
    private readonly ConcurrentDictionary<string, int> _faults = new();
    private readonly ConcurrentDictionary<string, string> _dataProblems = new();
    private readonly ConcurrentDictionary<string, Task> _holds = new();
    private readonly ConcurrentDictionary<string, (int Window, Task Release)> _windowHolds = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();

    /// <summary>Makes this silo find <paramref name="problem"/> with the data folder <paramref name="dataDirectory"/>.</summary>
    public void RefuseData(string dataDirectory, string problem) => _dataProblems[dataDirectory] = problem;

    /// <summary>The problem <see cref="RefuseData"/> set for the settings' data folder, else none (and no data size: nothing is read).</summary>
    public DataCheck CheckData(ChildSettings settings) =>
        new(settings.DataDirectory is { } folder && _dataProblems.TryGetValue(folder, out var problem) ? problem : null, null);

    /// <summary>Makes <paramref name="childId"/> throw at the start of window <paramref name="window"/>.</summary>
    public void FailAt(string childId, int window) => _faults[childId] = window;

    /// <summary>Makes every child of <paramref name="experimentId"/> wait for <paramref name="release"/> before its first window.</summary>
    public void HoldUntil(string experimentId, Task release) => _holds[experimentId] = release;

    /// <summary>
    /// Makes every child of <paramref name="experimentId"/> wait for <paramref name="release"/> before window
    /// <paramref name="window"/>, once the windows before it are reported (<see cref="HeldAsync"/> tells when).
    /// </summary>
    public void HoldAt(string experimentId, int window, Task release) => _windowHolds[experimentId] = (window, release);

    /// <summary>Completes when <paramref name="childId"/> waits at its <see cref="HoldAt"/> window (an event, not a poll).</summary>
    public Task HeldAsync(string childId) => Held(childId).Task;

    public ChildOutcome Run(ChildSpec spec, IChildController controller, CancellationToken cancellationToken)
    {
        if (_holds.TryGetValue(spec.ChildId[..spec.ChildId.LastIndexOf('/')], out var hold))
        {
            hold.Wait(cancellationToken);
        }

        var windows = spec.Settings.Epochs;
        var features = (2 * spec.Settings.HistoryLength) + 4;
        var random = new Random(spec.Seed);
        for (var w = 0; w < windows; w++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_windowHolds.TryGetValue(spec.ChildId[..spec.ChildId.LastIndexOf('/')], out var at) && at.Window == w)
            {
                Held(spec.ChildId).TrySetResult();
                at.Release.Wait(cancellationToken);
            }

            if (_faults.TryGetValue(spec.ChildId, out var fault) && fault == w)
            {
                throw new InvalidOperationException($"scripted fault in window {w}");
            }

            var states = Enumerable.Range(0, Groups).Select(_ => Enumerable.Range(0, features).Select(_ => random.NextSingle()).ToArray()).ToArray();
            var decision = controller.Decide(spec.ChildId, w, states);
            var metric = 0.5 - (0.01 * w);
            controller.Report(new WindowReport(spec.ChildId, w, w, w + 1L, windows, [metric], metric, random.NextDouble() - 0.5,
                decision.PolicyVersion, states, decision.Actions, false, null, new PhiStats(0, 0, 0), 1.0, 1000, metric));
        }

        return new ChildOutcome(spec.ChildId, spec.Seed, 10, 0.4, 0.4, 0.45, 0.45, windows, 0, new PhiStats(0, 0, 0), [], 0.01);
    }

    private TaskCompletionSource Held(string childId) =>
        _held.GetOrAdd(childId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void ConfigureThreads(int runningChildren)
    {
    }
}
