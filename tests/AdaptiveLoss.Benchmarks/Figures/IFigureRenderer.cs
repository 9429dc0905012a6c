namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>Draws the PNGs of an effect budget; returns one <see cref="FigureReport"/> per key of <see cref="FigureKeys.All"/>.</summary>
internal interface IFigureRenderer
{
    /// <summary>Writes the figures of <paramref name="input"/> into <paramref name="figuresDirectory"/>.</summary>
    IReadOnlyDictionary<string, FigureReport> RenderEffect(EffectFigureInput input, string figuresDirectory);
}
