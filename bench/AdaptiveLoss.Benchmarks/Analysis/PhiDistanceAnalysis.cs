using AdaptiveLoss.Benchmarks.Results;
using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Benchmarks.Statistics;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// The distance of every ALA-family arm's Φ from the task's best static Φ, window by window (docs/mismatch.md, "Distance
/// from the best static Φ"). Arms are recognised by their kind (ala, frozen), never by name, so new arms join by themselves.
/// </summary>
internal static class PhiDistanceAnalysis
{
    /// <summary>
    /// The report of <paramref name="arms"/>' runs against <paramref name="bestStatic"/> (null when the task has no static Φ
    /// arm with results). Children without any Φ are left out with a warning; runs whose history.json has no per-window Φ
    /// (written before it was recorded) fall back to the final Φ of results.json for d_end.
    /// </summary>
    public static PhiDistanceReport? Analyse(
        IReadOnlyList<MismatchArm> arms, IReadOnlyDictionary<string, RunFolder> runs, PhiReport? bestStatic, string prefix, List<string> warnings)
    {
        if (bestStatic is null)
        {
            return null;
        }

        var best = bestStatic.Matrix;
        var identity = PhiPairs.ToMatrix(new float[ClassPairs.Count(best.Length)]);
        var reports = arms
            .Where(a => a.Kind is ArmKind.Ala or ArmKind.Frozen && runs.TryGetValue(a.Name, out var run) && run.Results is not null)
            .Select(a => Arm(a.Name, runs[a.Name], best, $"{prefix}/{a.Name}", warnings))
            .Where(a => a.Children.Count > 0)
            .ToArray();
        var learning = arms
            .Where(a => a.Control is not null)
            .Select(a => (Arm: reports.FirstOrDefault(r => r.Arm == a.Name), Control: reports.FirstOrDefault(r => r.Arm == a.Control)))
            .Where(p => p.Arm is not null && p.Control is not null)
            .Select(p => new PhiDistanceControl(p.Arm!.Arm, p.Control!.Arm, Paired(p.Arm, p.Control, c => c.RunMean), Paired(p.Arm, p.Control, c => c.End)))
            .ToArray();
        return new PhiDistanceReport(bestStatic.Arm, PhiMatrix.Distance(identity, best), reports, learning);
    }

    /// <summary>
    /// One child's distances: the trajectory from <paramref name="history"/>'s windows when every one carries Φ, and d_end
    /// from <paramref name="child"/>'s final Φ (the last window's when results.json has none); null when it has no Φ at all.
    /// </summary>
    public static PhiDistanceChild? Child(RunChild child, ChildHistory? history, double[][] best)
    {
        ArgumentNullException.ThrowIfNull(child);
        var windows = history?.Windows;
        var perWindow = windows is { Count: > 0 } && windows.All(w => w.PhiPairs is not null)
            ? windows.OrderBy(w => w.Window).Select(w => PhiMatrix.Distance(PhiPairs.ToMatrix(w.PhiPairs!), best)).ToArray()
            : null;
        double? end = child.PhiMatrix is { } final ? PhiMatrix.Distance(final, best) : perWindow?[^1];
        return end is null
            ? null
            : new PhiDistanceChild(child.Id, child.Seed, perWindow, perWindow?[0], end.Value, perWindow?.Average());
    }

    private static PhiDistanceArm Arm(string name, RunFolder run, double[][] best, string prefix, List<string> warnings)
    {
        var history = run.ReadHistory();
        var children = new List<PhiDistanceChild>();
        foreach (var child in run.Results!.Children.OrderBy(c => c.Seed))
        {
            if (Child(child, history?.Children.FirstOrDefault(h => h.Id == child.Id), best) is { } distance)
            {
                children.Add(distance);
            }
            else
            {
                warnings.Add($"{prefix}: child {child.Id} has no Φ (no phiMatrix, no per-window Φ); left out of the distance from the best static Φ");
            }
        }

        var trajectories = children.Count > 0 && children.All(c => c.PerWindow is not null);
        return new PhiDistanceArm(
            name,
            Summary.Of(children.Select(c => c.Start).OfType<double>().ToArray()),
            Summary.Of(children.Select(c => c.End).ToArray()),
            Summary.Of(children.Select(c => c.RunMean).OfType<double>().ToArray()),
            trajectories,
            children);
    }

    // arm − control per common seed, over the children where both have the value.
    private static PairedDifference? Paired(PhiDistanceArm arm, PhiDistanceArm control, Func<PhiDistanceChild, double?> value)
    {
        IReadOnlyDictionary<int, double> BySeed(PhiDistanceArm a) =>
            a.Children.Where(c => value(c) is not null).ToDictionary(c => c.Seed, c => value(c)!.Value);
        var (left, right) = (BySeed(arm), BySeed(control));
        return left.Keys.Any(right.ContainsKey) ? PairedDifference.Of(left, right) : null;
    }
}
