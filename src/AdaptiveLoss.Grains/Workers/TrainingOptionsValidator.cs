using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// Checks <see cref="TrainingOptions"/> when the silo starts (style §8), so a bad <c>Training:*</c> setting stops the
/// start with one message naming the key and the value, instead of an exception at the first child or at shutdown.
/// Only values that cannot work are refused; tolerated ones keep their meaning (0 or less children = no limit, a retry
/// budget of 0 or less = no retry, a watch period under 0.05 s = 0.05 s).
/// </summary>
internal sealed class TrainingOptionsValidator : IValidateOptions<TrainingOptions>
{
    // TimeSpan.FromSeconds refuses NaN and overflows past TimeSpan.MaxValue (about 9.22e11 s).
    private const double MaxSeconds = 9.2e11;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Device is not (null or "cpu" or "cuda"))
        {
            failures.Add($"{Key(nameof(TrainingOptions.Device))} must be cpu or cuda (got '{options.Device}')");
        }

        // Thread.Join refuses a negative timeout.
        Seconds(failures, nameof(TrainingOptions.ShutdownTimeoutSeconds), options.ShutdownTimeoutSeconds, nonNegative: true);
        Seconds(failures, nameof(TrainingOptions.ChildWatchSeconds), options.ChildWatchSeconds, nonNegative: false);
        Seconds(failures, nameof(TrainingOptions.GrainCallRetrySeconds), options.GrainCallRetrySeconds, nonNegative: false);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Seconds(List<string> failures, string property, double value, bool nonNegative)
    {
        if (!(value >= (nonNegative ? 0 : -MaxSeconds) && value <= MaxSeconds))
        {
            var range = nonNegative ? "[0, 9.2e11]" : "[-9.2e11, 9.2e11]";
            failures.Add($"{Key(property)} must be seconds in {range} (got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
    }

    private static string Key(string property) => $"{TrainingOptions.SectionName}:{property}";
}
