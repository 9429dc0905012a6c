using AdaptiveLoss.Benchmarks.Results;

namespace AdaptiveLoss.Benchmarks.Analysis;

/// <summary>
/// Checks that a run is the one the benchmark defines (model, epochs, seed, children, loss), so that a table never
/// silently mixes budgets. Defaults are the CLI's (docs/design.md §4): cnn, 3 epochs, seed 1, 4 children.
/// </summary>
internal static class RunChecks
{
    /// <summary>One warning per mismatch between <paramref name="flags"/> and <paramref name="results"/>, prefixed by <paramref name="name"/>.</summary>
    public static IEnumerable<string> Check(string name, IReadOnlyList<string> flags, RunResults results)
    {
        var model = Flag(flags, "--model") ?? "cnn";
        if (!string.Equals(results.Model, model, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{name}: model {results.Model}, the benchmark defines {model}";
        }

        var epochs = int.Parse(Flag(flags, "--epochs") ?? "3", System.Globalization.CultureInfo.InvariantCulture);
        if (results.Epochs != epochs)
        {
            yield return $"{name}: {results.Epochs} epochs, the benchmark defines {epochs}";
        }

        var seed = int.Parse(Flag(flags, "--seed") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        if (results.Seed != seed)
        {
            yield return $"{name}: seed {results.Seed}, the benchmark defines {seed} (children are then not paired)";
        }

        var children = int.Parse(Flag(flags, "--children") ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        if (results.Children.Count != children)
        {
            yield return $"{name}: {results.Children.Count} of {children} children completed";
        }

        var loss = Flag(flags, "--loss") ?? "ala";
        if (!string.Equals(results.Loss, loss, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{name}: loss {results.Loss}, the benchmark defines {loss}";
        }
    }

    /// <summary>The value after the last <paramref name="flag"/> in <paramref name="flags"/>, or null.</summary>
    public static string? Flag(IReadOnlyList<string> flags, string flag)
    {
        string? value = null;
        for (var i = 0; i + 1 < flags.Count; i++)
        {
            if (flags[i] == flag)
            {
                value = flags[i + 1];
            }
        }

        return value;
    }
}
