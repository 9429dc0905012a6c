using System.Globalization;

namespace AdaptiveLoss.Core.Options;

/// <summary>
/// The largest values a run may ask for (docs/cli.md, "Limits"). A silo may serve many clients, so what one experiment
/// can make it allocate is bounded here, in Core, where the CLI, the experiment grain and the coordinator all read
/// it: no option can exhaust a shared silo's memory or overflow its arithmetic. Each bound sits orders of magnitude above
/// the paper's and our defaults, and is sized by what it allocates (in the remarks).
/// </summary>
public static class OptionLimits
{
    /// <summary>Children of one experiment; each holds a model, an optimiser and a record on its silo.</summary>
    public const int MaxChildren = 1024;

    /// <summary>
    /// Siblings per child (docs/credit.md, "Sibling rounds"): each is a copy of the child's weights and Adam moments
    /// while the window trains, and a live member of the policy's rounds, so children × siblings is bounded by
    /// <see cref="MaxChildren"/> too.
    /// </summary>
    public const int MaxSiblings = 16;

    /// <summary>Epochs per child.</summary>
    public const int MaxEpochs = 10_000;

    /// <summary>Images per mini-batch (a CIFAR batch of 8,192 is 100 MB of input alone).</summary>
    public const int MaxBatchSize = 8192;

    /// <summary>H, the state's history (the paper uses 10); the policy's input is 4 + 2H features.</summary>
    public const int MaxHistoryLength = 100;

    /// <summary>S, validation evaluations per window (the paper uses 4); at most the window's iterations too.</summary>
    public const int MaxEvaluationsPerWindow = 100;

    /// <summary>Width of the policy's hidden layers: two H×H matrices with Adam's two moments, 32 MB of doubles at 1,024.</summary>
    public const int MaxPolicyHidden = 1024;

    /// <summary>Transitions in the replay memory: 100,000 transitions of 204 features (H = 100) are 160 MB.</summary>
    public const int MaxReplayCapacity = 100_000;

    /// <summary>Transitions replayed into one update.</summary>
    public const int MaxReplaySample = 10_000;

    /// <summary>A round waits at most a day for a missing child.</summary>
    public const double MaxRoundTimeoutSeconds = 86_400;

    /// <summary>
    /// Windows of all children together: each window leaves a summary in the experiment's record and in the client's copy
    /// of the status (a few hundred bytes), so children × windows is what a run's records grow with.
    /// </summary>
    public const long MaxChildWindows = 1_000_000;

    /// <summary>
    /// The number of windows one child trains: epochs × ⌈n / batch⌉ iterations cut into windows of K (docs/design.md §1.6),
    /// in checked arithmetic; null when it exceeds what an int counts.
    /// </summary>
    public static long? WindowsPerChild(long trainCount, int batchSize, int epochs, int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        try
        {
            var perEpoch = checked(trainCount + batchSize - 1) / batchSize;
            var total = checked(perEpoch * epochs);
            var windows = checked(total + window - 1) / window;
            return windows <= int.MaxValue ? windows : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// Null when <paramref name="children"/> children training on <paramref name="trainImages"/> images stay within
    /// <see cref="MaxChildWindows"/> windows in all; otherwise the problem, on <see cref="ExperimentOptions.Window"/>
    /// (what a user changes to fix it, with the epochs and the batch size it mentions).
    /// </summary>
    public static ValidationError? WindowBudgetProblem(int children, long trainImages, int epochs, int batchSize, int window)
    {
        var perChild = WindowsPerChild(trainImages, batchSize, epochs, window);
        long? total = perChild is { } w && w <= long.MaxValue / Math.Max(children, 1) ? w * children : null;
        if (total is { } t && t <= MaxChildWindows)
        {
            return null;
        }

        var count = total is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "more than 2^31";
        return new ValidationError(nameof(ExperimentOptions.Window),
            $"{window} gives {count} windows ({children} children × {{0}} {epochs} × ⌈{trainImages} training images / {{1}} {batchSize}⌉ iterations / {window}); "
            + $"at most {MaxChildWindows.ToString("N0", CultureInfo.InvariantCulture)} are kept (raise {{2}})",
            nameof(ExperimentOptions.Epochs), nameof(ExperimentOptions.BatchSize), nameof(ExperimentOptions.Window));
    }
}
