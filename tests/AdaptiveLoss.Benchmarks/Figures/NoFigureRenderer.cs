namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>Draws nothing and says why: the plotting project (AdaptiveLoss.Reporting) is not part of this build.</summary>
internal sealed class NoFigureRenderer : IFigureRenderer
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, FigureReport> RenderEffect(EffectFigureInput input, string figuresDirectory) =>
        FigureKeys.All.ToDictionary(f => f.Key, f => new FigureReport(f.Title, null, "not drawn: no plotting library in this build"));
}
