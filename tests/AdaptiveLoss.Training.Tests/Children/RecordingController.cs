using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Training.Tests.Children;

/// <summary>
/// A fake controller: random actions (so Φ moves), policy version 100 + window (so the echo is checkable), and a log
/// of every call in order.
/// </summary>
internal sealed class RecordingController(int seed = 0) : IChildController
{
    private readonly Random _random = new(seed);

    public List<string> Calls { get; } = new();

    public List<float[][]> States { get; } = new();

    public List<WindowReport> Reports { get; } = new();

    public static long VersionFor(int window) => 100 + window;

    public PolicyDecision Decide(string childId, int window, float[][] states)
    {
        Calls.Add($"decide {childId} {window}");
        States.Add(states);
        var actions = states.Select(_ => _random.Next(ActionSet.Count)).ToArray();
        return new PolicyDecision(actions, VersionFor(window), Math.Log(3));
    }

    public void Report(WindowReport report)
    {
        Calls.Add($"report {report.ChildId} {report.Window}");
        Reports.Add(report);
    }
}
