using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Reporting.Plots;

namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>
/// A mismatch task's PNGs (TASK-bars.png, TASK-phi-ala.png, TASK-phi-static.png), drawn from the analysis alone: the
/// headline metric per row at the end and at the best-validation window with 95 % whiskers, and the two Φs side by side.
/// </summary>
internal static class MismatchFigures
{
    /// <summary>One <see cref="FigureReport"/> per title of <see cref="MismatchFigureKeys.All"/>; <paramref name="draw"/> turns a failure into a note.</summary>
    public static IReadOnlyList<FigureReport> Render(
        MismatchFigureInput input, string figuresDirectory, Func<string, Func<(string? Path, string? Note)>, FigureReport> draw)
    {
        string PathOf(string name) => Path.Combine(figuresDirectory, $"mismatch-{input.Task}-{name}.png");
        return
        [
            draw(MismatchFigureKeys.Bars, () => input.Bars.Count == 0
                ? (null, "no arm of the task has results")
                : (RunPlots.WriteBars(PathOf("bars"), [.. input.Bars.Select(b => b.Label)], Series(input.Bars),
                    $"{input.Task}: test {Label(input.Headline)} per arm (mean, 95 % t-interval)", $"test {Label(input.Headline)} (%)"), null)),
            draw(MismatchFigureKeys.AlaPhi, () => Phi(input.AlaPhi, PathOf("phi-ala"), $"{input.Task}: Φ learned by ALA", "the ala arm has no Φ matrix in results.json")),
            draw(MismatchFigureKeys.BestStaticPhi, () => Phi(input.BestStaticPhi, PathOf("phi-static"), $"{input.Task}: best static Φ", "no static Φ arm of the task has results")),
        ];
    }

    private static BarSeries[] Series(IReadOnlyList<MismatchBar> bars) =>
    [
        new("end of training (derived arms: their view)", [.. bars.Select(b => Value(b.End, b.EndHalfWidth))]),
        new("at the best-validation window", [.. bars.Select(b => Value(b.AtBestValidation, b.AtBestValidationHalfWidth))]),
    ];

    private static BarValue? Value(double? mean, double? halfWidth) => mean is { } m ? new BarValue(m, halfWidth) : null;

    private static (string?, string?) Phi(PhiReport? phi, string path, string title, string missing)
    {
        if (phi is null)
        {
            return (null, missing);
        }

        var classes = phi.Matrix.Length;
        var note = phi.ChildId is { } child ? $"{phi.Arm}, child {child}" : phi.Arm;
        return (RunPlots.WritePhi(path, [.. phi.Matrix.SelectMany(row => row)], classes, $"{title} ({note})"), note);
    }

    private static string Label(string headline) => headline == "balancedError" ? "balanced error" : headline;
}
