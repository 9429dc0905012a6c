using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Output;

/// <summary>The table of <c>ala status</c>: one row per child with its state, progress and last window.</summary>
internal static class StatusTable
{
    public static void Print(TextWriter output, ExperimentStatus status, PolicySummary policy)
    {
        output.WriteLine($"experiment {status.ExperimentId}: {status.State.ToString().ToLowerInvariant()}, {Format.Fixed(status.ElapsedSeconds, 1)} s");
        output.WriteLine($"{"child",-6}{"state",-10}{"epoch",6}{"iter",14}{"windows",8}{"val-error",11}{"reward",8}{"policy",8}{"test-error",11}  error");
        foreach (var child in status.Children)
        {
            var last = child.Windows.Count > 0 ? child.Windows[^1] : null;
            output.WriteLine(
                $"{Format.ChildLabel(child.ChildId),-6}{child.State.ToString().ToLowerInvariant(),-10}"
                + $"{(last is null ? "-" : (last.Epoch + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),6}"
                + $"{(last is null ? "-" : $"{last.Iteration}/{last.TotalIterations}"),14}{child.Windows.Count,8}"
                + $"{(last is null ? "-" : Format.Percent(last.ValidationError)),11}{(last is null ? "-" : Format.Signed(last.Reward)),8}"
                + $"{(last is null ? "-" : $"v{last.PolicyVersion}"),8}{(child.Outcome is null ? "-" : Format.Percent(child.Outcome.TestError)),11}"
                + $"  {child.Error}");
        }

        output.WriteLine($"policy {policy.PolicyId}: version {policy.Version}, {policy.Updates} updates, {policy.Transitions} transitions, {policy.Rounds} rounds");
    }
}
