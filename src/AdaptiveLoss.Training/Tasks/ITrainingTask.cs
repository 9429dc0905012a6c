using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Metrics;
using AdaptiveLoss.Core.Rewards;
using AdaptiveLoss.Training.Children;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Tasks;

/// <summary>
/// The TorchSharp side of a task (docs/design.md §3): everything the child trainer does that depends on the task — the
/// model's output head, the loss built from the current loss parameters, the validation metric and the observation the
/// state is built from, the test metrics — beside its pure part, <see cref="Control"/>. The trainer keeps the task-free
/// parts: the window plan, the optimizer, the guards, the rewards, rollbacks and checkpoints. One per child; owns its
/// tensors.
/// </summary>
internal interface ITrainingTask : IDisposable
{
    /// <summary>The pure part: groups, states, actions, and the state a rollback or a checkpoint keeps.</summary>
    ILossTask Control { get; }

    /// <summary>Whether a higher or a lower validation metric is better (the reward's sign, early stopping).</summary>
    MetricDirection Direction { get; }

    /// <summary>The child's model; called once, under the trainer's seed lock, so its initialisation depends on the seed only.</summary>
    nn.Module<Tensor, Tensor> CreateModel();

    /// <summary>Rebuilds the loss's tensors from <see cref="Control"/>'s parameters after they change (actions, rollback, resume).</summary>
    void Refresh();

    /// <summary>The batch loss on the model's <paramref name="outputs"/>; <paramref name="warmup"/> trains with the task's base loss (docs/design.md §1.1).</summary>
    Tensor Loss(Tensor outputs, Tensor targets, bool warmup);

    /// <summary>The model on the validation split: the experiment metric, the error the guards watch and the task's observation.</summary>
    Evaluation Evaluate(nn.Module<Tensor, Tensor> model);

    /// <summary>Records <paramref name="evaluation"/>'s observation (one of this task's) in the state history.</summary>
    void Observe(Evaluation evaluation);

    /// <summary>
    /// Under pair credit, one difference reward per group for a window that ended with <paramref name="evaluation"/>
    /// (before it is observed; docs/credit.md); null for a global reward.
    /// </summary>
    double[]? GroupRewards(Evaluation evaluation);

    /// <summary>Every metric of the model on the test split (the best-validation window's record).</summary>
    MetricSet TestMetrics(nn.Module<Tensor, Tensor> model);

    /// <summary>The one test evaluation at the end of a run: raw, and after the task's post-hoc adjustment.</summary>
    (MetricSet Raw, MetricSet PostHoc) Test(nn.Module<Tensor, Tensor> model);
}
