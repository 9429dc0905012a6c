using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Training.Data;

/// <summary>
/// What the data preflight found (<see cref="DataPreflight.Inspect"/>): the first problem, one line naming the file, or
/// the images a child will train on. One read of the headers and labels serves both checks that need the data.
/// </summary>
/// <param name="Problem">The problem, or null when the data is fit to run on.</param>
/// <param name="TrainImages">The training split's size; null when there is a problem, or no data was read (a test's fake runner).</param>
public sealed record DataCheck(string? Problem, long? TrainImages)
{
    /// <summary>
    /// Null when <paramref name="children"/> children of <paramref name="options"/> stay within
    /// <see cref="OptionLimits.MaxChildWindows"/> on this data, or when its size is unknown; otherwise the error, on the
    /// window setting. The count needs the training split's size, so it is checked here and not in the options validator.
    /// </summary>
    public ValidationError? WindowBudget(ChildSettings options, int children)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TrainImages is { } images ? OptionLimits.WindowBudgetProblem(children, images, options.Epochs, options.BatchSize, options.Window) : null;
    }
}
