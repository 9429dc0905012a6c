namespace AdaptiveLoss.Benchmarks.Results;

/// <summary>A child's metrics on the test split (fractions): results.json's <c>test</c> and <c>testPostHoc</c>.</summary>
/// <param name="Error">Top-1 error.</param>
/// <param name="BalancedError">Mean of the per-class errors.</param>
/// <param name="F1">Macro F1.</param>
/// <param name="Aucpr">Macro area under the precision-recall curve.</param>
/// <param name="ClassErrors">Error of each class.</param>
internal sealed record RunMetrics(double Error, double BalancedError, double F1, double Aucpr, IReadOnlyList<double>? ClassErrors)
{
    /// <summary>The JSON name of <see cref="Error"/>.</summary>
    public const string ErrorName = "error";

    /// <summary>The JSON name of <see cref="BalancedError"/>.</summary>
    public const string BalancedErrorName = "balancedError";

    /// <summary>The metric called <paramref name="name"/> (its JSON name: error, balancedError, f1, aucpr).</summary>
    /// <exception cref="ArgumentException">Not one of those names.</exception>
    public double Value(string name) => name switch
    {
        ErrorName => Error,
        BalancedErrorName => BalancedError,
        "f1" => F1,
        "aucpr" => Aucpr,
        _ => throw new ArgumentException($"unknown test metric '{name}'", nameof(name)),
    };
}
