namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>Flag lists of <c>ala run</c>, which refuses a repeated flag: a task's flags replace the budget's values of the same flag.</summary>
internal static class FlagList
{
    /// <summary>
    /// <paramref name="shared"/> with every "--flag value" of <paramref name="overrides"/> replacing the value of the same
    /// flag, in place; flags the shared list lacks (and switches) are appended in their order.
    /// </summary>
    public static IReadOnlyList<string> Override(IReadOnlyList<string> shared, IReadOnlyList<string> overrides)
    {
        var result = shared.ToList();
        for (var i = 0; i < overrides.Count; i++)
        {
            var flag = overrides[i];
            var hasValue = i + 1 < overrides.Count && !overrides[i + 1].StartsWith("--", StringComparison.Ordinal);
            var at = result.IndexOf(flag);
            if (hasValue && at >= 0 && at + 1 < result.Count)
            {
                result[at + 1] = overrides[++i];
                continue;
            }

            result.Add(flag);
            if (hasValue)
            {
                result.Add(overrides[++i]);
            }
        }

        return result;
    }
}
