namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>Draws nothing and says so (tests that check the tables and JSON only, without drawing PNGs).</summary>
internal sealed class NoFigureRenderer : IFigureRenderer
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, FigureReport> RenderEffect(EffectFigureInput input, string figuresDirectory) =>
        FigureKeys.All.ToDictionary(f => f.Key, f => new FigureReport(f.Title, null, "not drawn (figures off)"));

    /// <inheritdoc />
    public IReadOnlyList<FigureReport> RenderMismatch(MismatchFigureInput input, string figuresDirectory) =>
        MismatchFigureKeys.All.Select(title => new FigureReport(title, null, "not drawn (figures off)")).ToArray();
}
