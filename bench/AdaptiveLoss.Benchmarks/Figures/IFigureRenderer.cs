namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>
/// Draws the PNGs of an effect budget (one <see cref="FigureReport"/> per key of <see cref="FigureKeys.All"/>) and of a
/// mismatch task (one per title of <see cref="MismatchFigureKeys.All"/>).
/// </summary>
internal interface IFigureRenderer
{
    /// <summary>Writes the figures of <paramref name="input"/> into <paramref name="figuresDirectory"/>.</summary>
    IReadOnlyDictionary<string, FigureReport> RenderEffect(EffectFigureInput input, string figuresDirectory);

    /// <summary>Writes the bar chart and the Φ heatmaps of one mismatch task into <paramref name="figuresDirectory"/>.</summary>
    IReadOnlyList<FigureReport> RenderMismatch(MismatchFigureInput input, string figuresDirectory);
}
