using System.Diagnostics;
using System.Runtime.InteropServices;
using AdaptiveLoss.Core.Children;
using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Diagnostics;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Policy;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Core.Rewards;
using TorchSharp;

namespace AdaptiveLoss.Training.Children;

/// <summary>One controller window of <see cref="ChildTrainer"/>: decide, train under frozen Φ, measure, reward, guard.</summary>
public sealed partial class ChildTrainer
{
    /// <summary>
    /// The collapse guard compares against max(best error, this floor): a child that once reached 0 validation errors
    /// on a small split must not be rolled back for its first mistake.
    /// </summary>
    internal const double CollapseFloor = 0.01;

    /// <summary>Native (libtorch) errors in this many windows in a row fail the child instead of rolling it back.</summary>
    internal const int MaxConsecutiveNativeFaults = 3;

    /// <summary>
    /// One window inside its <c>train window</c> span (style §7.11: one span per window, never per batch): the decision
    /// and the report are grain calls made under it, so the coordinator's spans join the experiment's trace. The
    /// window's metrics are recorded here, where its values are born; a window that throws marks its span failed.
    /// </summary>
    private void RunTracedWindow(int w, IChildController controller, TrainingSnapshot snapshot, RunState run,
        CancellationToken cancellationToken)
    {
        using var activity = EpisodeTelemetry.Start(_spec.ChildId, w);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var before = run.PreviousMetric;
            var report = RunWindow(w, controller, snapshot, run, cancellationToken);
            EpisodeTelemetry.Complete(activity, report, before, _options.Metric, Stopwatch.GetElapsedTime(started));
            controller.Report(report);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AdaptiveLossTelemetry.RecordError(activity, ex);
            throw;
        }
    }

    private WindowReport RunWindow(int w, IChildController controller, TrainingSnapshot snapshot, RunState run,
        CancellationToken cancellationToken)
    {
        var states = BuildStates(w);
        var decision = controller.Decide(_spec.ChildId, w, states);
        var report = TrainDecided(w, states, decision, run, cancellationToken);
        if (!report.Discarded)
        {
            TrackBest(w, report.Metrics[^1], run);
            snapshot.Capture();
        }
        else
        {
            // docs/design.md §1.7: roll back to the last window end; the transition is reported as discarded and never reaches
            // the policy (reward 0).
            snapshot.Restore();
            _task.Refresh();
            run.Discarded++;
        }

        return report;
    }

    /// <summary>s_t at the start of window <paramref name="w"/>: one feature row per group, with the run's progress.</summary>
    private float[][] BuildStates(int w) => _task.Control.BuildStates((double)_plan.Start(w) / _plan.TotalIterations);

    /// <summary>
    /// Window <paramref name="w"/> under <paramref name="decision"/>: Φ moves, the window trains under frozen Φ with its S
    /// measurements, and the reward follows (Eq. 4–5). On success <paramref name="run"/> and the task's observations
    /// move to the window end; a discarded window leaves them, and the caller rolls the model back.
    /// </summary>
    private WindowReport TrainDecided(int w, float[][] states, PolicyDecision decision, RunState run, CancellationToken cancellationToken)
    {
        var start = _plan.Start(w);
        var length = _plan.Length(w);
        // Warm-up (docs/design.md §1.1) and the ce/fixed baselines still decide and report; their actions leave Φ alone.
        var warmup = _plan.EpochOf(start) < _options.WarmupEpochs;
        if (!warmup)
        {
            _task.Control.ApplyActions(decision.Actions);
        }

        var phiStats = _task.Control.ParameterStats();
        var phiPairs = WindowPhi();
        _task.Refresh();
        var window = new WindowProgress();
        var reason = _task.Control.IsFinite()
            ? TrainWindowGuarded(w, start, length, warmup, run, window, cancellationToken)
            : "non-finite Φ after the window's actions";

        double windowMetric, reward;
        double[]? groupRewards = null;
        if (reason is null)
        {
            windowMetric = WindowReward.DiscountedMean(window.Metrics, _options.Gamma);
            reward = WindowReward.Compute(run.PreviousMetric, windowMetric, _options.Reward, _task.Direction);
            var last = window.Last!;
            groupRewards = _task.GroupRewards(last);
            _task.Observe(last);
            run.PreviousMetric = windowMetric;
            run.BestError = Math.Min(run.BestError, window.MinError);
            run.LastValidationError = last.Error;
        }
        else
        {
            windowMetric = window.Metrics.Count > 0 ? WindowReward.DiscountedMean(window.Metrics, _options.Gamma) : run.PreviousMetric;
            reward = 0;
        }

        var end = start + length;
        return new WindowReport(_spec.ChildId, w, _plan.EpochOf(end - 1), end, _plan.TotalIterations,
            window.Metrics.ToArray(), windowMetric, reward, decision.PolicyVersion, states, decision.Actions,
            reason is not null, reason, phiStats, window.MeanLoss, window.ImagesPerSecond,
            reason is null ? window.Last!.Error : window.Last?.Error ?? run.LastValidationError, groupRewards, PhiPairs: phiPairs);
    }

    /// <summary>
    /// The Φ a window trains under, for its summary (docs/mismatch.md, "Distance from the best static Φ"): only where the
    /// loss uses a class-pair Φ (ala, fixed); retrieval's bin weights and the other baselines' unused Φ = I stay out.
    /// </summary>
    private float[]? WindowPhi() =>
        _task.Control is ClassPairTask pairs && _options.Loss is LossMode.Ala or LossMode.Fixed ? PhiPairs.Of(pairs.Phi) : null;

    /// <summary>
    /// <see cref="TrainWindow"/>, with a libtorch error treated as a guard (docs/design.md §1.7). TorchSharp 0.107 can raise a rare
    /// native error in the middle of a step (seen once, in Adam.step after ~12,400 steps of one of 8 concurrent MLP children: a scalar argument
    /// read as garbage, c10 Scalar.h "toFloat"); the step may have half-updated the weights and the moments, so the
    /// window is rolled back and discarded like a NaN. An error that comes back window after window still fails the child.
    /// </summary>
    private string? TrainWindowGuarded(int w, long start, int length, bool warmup, RunState run, WindowProgress window,
        CancellationToken cancellationToken)
    {
        try
        {
            var reason = TrainWindow(w, start, length, warmup, run, window, cancellationToken);
            run.ConsecutiveNativeFaults = 0;
            return reason;
        }
        catch (ExternalException ex) when (run.ConsecutiveNativeFaults < MaxConsecutiveNativeFaults)
        {
            run.ConsecutiveNativeFaults++;
            // The window span (current on this thread) keeps the exception; the window itself is only discarded.
            Activity.Current?.AddException(ex);
            var message = ex.Message.Split('\n', 2)[0];
            return $"libtorch error: {(message.Length > 160 ? message[..160] : message)}";
        }
    }

    /// <summary>Trains one window; returns null, or the guard's one-line reason to discard it.</summary>
    private string? TrainWindow(int w, long start, int length, bool warmup, RunState run, WindowProgress window,
        CancellationToken cancellationToken)
    {
        var points = WindowPlan.EvaluationPoints(length, _options.EvaluationsPerWindow);
        for (var t = 1; t <= length; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (NativeFaultInjection?.Invoke(w) == true)
            {
                throw new ExternalException("injected libtorch error");
            }

            var (loss, maxLogit) = TrainStep(warmup, FaultInjection?.Invoke(w) == true, window);
            if (!double.IsFinite(loss))
            {
                return $"non-finite training loss at iteration {start + t}";
            }

            if (!(maxLogit <= _options.MaxLogit))
            {
                return $"max |logit| {maxLogit:G4} above {_options.MaxLogit:G4} at iteration {start + t}";
            }

            while (window.Metrics.Count < points.Length && points[window.Metrics.Count] == t)
            {
                if (window.LastAt != t)
                {
                    window.Observe(EvaluateValidation(), t);
                    var guard = Guard(window.Last!, run);
                    if (guard is not null)
                    {
                        window.Metrics.Add(window.Last!.Metric);
                        return guard;
                    }
                }

                window.Metrics.Add(window.Last!.Metric);
            }
        }

        return null;
    }

    /// <summary>
    /// Early stopping's bookkeeping: when the window end's validation metric beats every earlier window end, the model
    /// is measured on the test split now. The choice is made on validation alone; the test numbers are only recorded,
    /// so the run reports the test metrics of its best-validation model without keeping a copy of its weights.
    /// </summary>
    private void TrackBest(int w, double validationMetric, RunState run)
    {
        var lowerIsBetter = _task.Direction == MetricDirection.LowerIsBetter;
        if (run.Best is { } best && (lowerIsBetter ? validationMetric >= best.ValidationMetric : validationMetric <= best.ValidationMetric))
        {
            return;
        }

        run.Best = new BestValidation(w, validationMetric, _task.TestMetrics(_model));
    }

    private string? Guard(Evaluation evaluation, RunState run)
    {
        if (!evaluation.IsFinite())
        {
            return "non-finite validation metric or logits";
        }

        if (evaluation.MaxAbsLogit > _options.MaxLogit)
        {
            return $"max |logit| {evaluation.MaxAbsLogit:G4} on validation above {_options.MaxLogit:G4}";
        }

        var threshold = _options.CollapseFactor * Math.Max(run.BestError, CollapseFloor);
        return evaluation.Error > threshold
            ? $"collapse: validation error {evaluation.Error:P1} above {_options.CollapseFactor:G3}x the best {run.BestError:P1}"
            : null;
    }

    /// <summary>One optimisation step in its own dispose scope; returns the batch loss and its largest |logit|.</summary>
    private (double Loss, double MaxLogit) TrainStep(bool warmup, bool fault, WindowProgress window)
    {
        var started = Stopwatch.GetTimestamp();
        TorchThreads.Apply();
        using var scope = torch.NewDisposeScope();
        var index = _batches.Next();
        var images = _data.TrainImages.index_select(0, index).to(_device);
        var labels = _data.TrainLabels.index_select(0, index).to(_device);
        _optimizer.zero_grad();
        var logits = _model.call(images);
        var loss = _task.Loss(logits, labels, warmup);
        if (fault)
        {
            loss = loss.mul(double.NaN);
        }

        double value = loss.item<float>();
        double maxLogit = logits.detach().abs().max().item<float>();
        // A non-finite loss or exploding logits must not reach the weights: the window is discarded before the step.
        if (double.IsFinite(value) && maxLogit <= _options.MaxLogit)
        {
            loss.backward();
            _optimizer.step();
            window.AddStep(value, index.shape[0], Stopwatch.GetElapsedTime(started));
        }

        return (value, maxLogit);
    }
}
