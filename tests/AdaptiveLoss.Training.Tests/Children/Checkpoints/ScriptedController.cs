using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Training.Tests.Children.Checkpoints;

/// <summary>
/// A deterministic fake controller: the actions depend only on (window, pair), so a run split by a stop and a resume
/// gets the same decisions as an uninterrupted one. Records every call.
/// </summary>
internal sealed class ScriptedController : IChildController
{
    public List<string> Calls { get; } = new();

    public List<WindowReport> Reports { get; } = new();

    public PolicyDecision Decide(string childId, int window, float[][] states)
    {
        Calls.Add($"decide {window}");
        var actions = states.Select((_, pair) => ((window * 7) + (pair * 5) + 1) % ActionSet.Count).ToArray();
        return new PolicyDecision(actions, window, Math.Log(3));
    }

    public void Report(WindowReport report)
    {
        Calls.Add($"report {report.Window}");
        Reports.Add(report);
    }
}
