using AdaptiveLoss.Core.Children;

namespace AdaptiveLoss.Training.Children.Checkpoints;

/// <summary>checkpoint.json: the format, the window count it ends, and the size and SHA-256 of every other file.</summary>
internal sealed record CheckpointManifest(int Format, string ChildId, int NextWindow, CheckpointFileEntry[] Files);

/// <summary>One file of a checkpoint folder.</summary>
internal sealed record CheckpointFileEntry(string Name, long Bytes, string Sha256);

/// <summary>
/// state.json: everything of a child at a window end that is not a tensor. The identity fields (child, seed, model,
/// data and plan dimensions) are checked on load; the rest is restored. The data position is
/// <see cref="Iteration"/>: the batch order is a pure function of (seed, iterations done), see <see cref="BatchStream"/>.
/// </summary>
internal sealed record CheckpointState
{
    public required string ChildId { get; init; }

    public required int Seed { get; init; }

    public required string Model { get; init; }

    public required int Classes { get; init; }

    public required long[] InputShape { get; init; }

    public required long TrainCount { get; init; }

    public required int BatchSize { get; init; }

    public required int WindowLength { get; init; }

    public required long TotalIterations { get; init; }

    /// <summary>The training hyperparameters a resumed child must share: task, loss mode and form, lr, β, φ_max.</summary>
    public required string Training { get; init; }

    /// <summary>Windows done (reported); the resumed run starts with this window.</summary>
    public required int NextWindow { get; init; }

    /// <summary>Training iterations (batches) done: the data position.</summary>
    public required long Iteration { get; init; }

    public required double PreviousMetric { get; init; }

    public required double BestError { get; init; }

    public required double LastValidationError { get; init; }

    public required int Discarded { get; init; }

    public required int ConsecutiveNativeFaults { get; init; }

    /// <summary>Training time before this checkpoint (s), so the outcome's duration spans a resume.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>The best-validation window end so far and its test metrics (early stopping); null before the first.</summary>
    public BestValidation? Best { get; init; }

    /// <summary>The class offsets δ (<c>--class-offsets</c>); null without them.</summary>
    public double[]? Offsets { get; init; }

    /// <summary>Φ row-major.</summary>
    public required double[] Phi { get; init; }

    /// <summary>Each class pair's share of the metric at this window end (pair credit, docs/credit.md); null otherwise.</summary>
    public double[]? Shares { get; init; }

    /// <summary>The state builder's soft-confusion history, oldest first, each C×C row-major.</summary>
    public required double[][] History { get; init; }

    /// <summary>Adam's step count per parameter, in parameter order.</summary>
    public required long[] AdamSteps { get; init; }
}
