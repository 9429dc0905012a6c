using System.Globalization;

namespace AdaptiveLoss.Core.Options;

/// <summary>
/// One problem with <see cref="ExperimentOptions"/>, naming the setting (the property, e.g. <c>Beta</c>) rather than a
/// command-line flag: Core knows no CLI, and every front end shows settings in its own words (docs/cli.md: the CLI
/// shows the flag of each setting).
/// </summary>
/// <param name="Setting">The property at fault, e.g. <c>Beta</c>.</param>
/// <param name="Problem">What is wrong, after the setting's name, e.g. <c>must be a positive number (got 0)</c>. Other
/// settings it mentions are the composite-format items {0}, {1}… of <paramref name="Mentions"/>.</param>
/// <param name="Mentions">Other settings the problem names, e.g. <c>LabelNoise</c> in "needs {0}".</param>
public sealed record ValidationError(string Setting, string Problem, params IReadOnlyList<string> Mentions)
{
    /// <summary>The problem as one line, each setting named by <paramref name="nameOf"/> (a CLI passes its flag for each).</summary>
    public string Describe(Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(nameOf);

        // Format only with mentions: a problem without them may quote a value with braces (an --imbalance-order typo).
        var problem = Mentions.Count == 0
            ? Problem
            : string.Format(CultureInfo.InvariantCulture, Problem, Mentions.Select(m => (object)nameOf(m)).ToArray());
        // "Phi: Φ is 2×2, …" reads as a label; "Beta must be …" as a sentence.
        return problem.StartsWith(':') ? nameOf(Setting) + problem : $"{nameOf(Setting)} {problem}";
    }

    /// <summary>The problem in setting names, e.g. "Beta must be a positive number (got 0)".</summary>
    public override string ToString() => Describe(static setting => setting);
}
