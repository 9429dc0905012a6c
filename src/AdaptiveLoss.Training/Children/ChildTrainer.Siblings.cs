using System.Diagnostics;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Training.Children;

/// <summary>
/// Sibling rounds (docs/credit.md, "Sibling rounds"): a window run as <see cref="Core.Options.ChildSettings.Siblings"/> branches of
/// the child's state at the window start, each with its own actions and the same batches (common random numbers), so
/// that their rewards differ by what the actions did and not by where the children stood or what they saw. Every
/// sibling's transition goes to the policy; the child continues from the sibling with the best validation metric at
/// the window end (<see cref="Siblings.Choose"/>).
/// </summary>
public sealed partial class ChildTrainer
{
    private long _branchTicks;
    private long _siblingWindowTicks;

    /// <summary>
    /// Time spent branching in sibling windows so far (putting the window-start state and data position back before
    /// each sibling, keeping the best sibling's state and putting it back), beside the sibling windows' whole time:
    /// the overhead of the design on top of the training it repeats (docs/credit.md).
    /// </summary>
    internal SiblingCosts SiblingCosts =>
        new(Stopwatch.GetElapsedTime(0, _branchTicks).TotalSeconds, Stopwatch.GetElapsedTime(0, _siblingWindowTicks).TotalSeconds);

    /// <summary>Runs window <paramref name="w"/> as siblings; returns the run state the child continues with (the chosen sibling's).</summary>
    private RunState RunSiblingWindow(int w, IChildController controller, TrainingSnapshot snapshot, TrainingSnapshot best, RunState run,
        CancellationToken cancellationToken)
    {
        using var activity = EpisodeTelemetry.Start(_spec.ChildId, w);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var before = run.PreviousMetric;
            var states = BuildStates(w);
            using var mark = _batches.Save();
            var reports = new WindowReport[_options.Siblings];
            var runs = new RunState[reports.Length];
            var chosen = -1;
            for (var k = 0; k < reports.Length; k++)
            {
                if (k > 0)
                {
                    Branch(() => Restart(snapshot, mark));
                }

                var id = Siblings.Id(_spec.ChildId, k);
                var decision = _options.Antithetic && k % 2 == 1
                    ? new PolicyDecision(Siblings.Mirror(reports[k - 1].Actions), reports[k - 1].PolicyVersion, 0.0)
                    : controller.Decide(id, w, states);
                runs[k] = run.Copy();
                reports[k] = TrainDecided(w, states, decision, runs[k], cancellationToken) with { ChildId = id, Lineage = _spec.ChildId };
                if (Siblings.Choose(new ArraySegment<WindowReport>(reports, 0, k + 1), _task.Direction) == k)
                {
                    chosen = k;
                    // The last sibling's end state is live when the loop ends: no copy needed.
                    if (k < reports.Length - 1)
                    {
                        Branch(best.Capture);
                    }
                }
            }

            Branch(() => Continue(chosen, reports, snapshot, best, mark, w));
            if (chosen >= 0)
            {
                run = runs[chosen];
                TrackBest(w, reports[chosen].Metrics[^1], run);
                snapshot.Capture();
            }
            else
            {
                // Every sibling was discarded (docs/design.md §1.7): the lineage rolls back as a single child would.
                run.Discarded++;
                run.ConsecutiveNativeFaults = runs.Max(r => r.ConsecutiveNativeFaults);
            }

            _siblingWindowTicks += Stopwatch.GetTimestamp() - started;
            var shown = reports[Math.Max(chosen, 0)];
            EpisodeTelemetry.Complete(activity, shown, before, _options.Metric, Stopwatch.GetElapsedTime(started));
            controller.ReportSiblings(reports, chosen);
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AdaptiveLossTelemetry.RecordError(activity, ex);
            throw;
        }
    }

    /// <summary>Back to the window start: the state of the last window end and the data position the window began at.</summary>
    private void Restart(TrainingSnapshot snapshot, BatchStream.Mark mark)
    {
        snapshot.Restore();
        _task.Refresh();
        _batches.Reset(mark);
    }

    /// <summary>
    /// The lineage's state after the window: the chosen sibling's end state, or the window start when every sibling was
    /// discarded. The data position is the window's end either way (a sibling discarded mid-window stopped early).
    /// </summary>
    private void Continue(int chosen, WindowReport[] reports, TrainingSnapshot snapshot, TrainingSnapshot best, BatchStream.Mark mark, int w)
    {
        var last = reports.Length - 1;
        if (chosen != last)
        {
            (chosen >= 0 ? best : snapshot).Restore();
            _task.Refresh();
        }

        if (reports[last].Discarded)
        {
            _batches.Reset(mark);
            _batches.Skip(_plan.Length(w));
        }
    }

    private void Branch(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        _branchTicks += Stopwatch.GetTimestamp() - started;
    }
}
