using AdaptiveLoss.Benchmarks.Runs;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;
using AdaptiveLoss.Reporting.Plots;

namespace AdaptiveLoss.Benchmarks.Figures;

/// <summary>
/// Draws an effect budget's figures with AdaptiveLoss.Reporting: the reward plot from results.json alone, the others
/// from each run folder's history.json (runs made before the CLI wrote history.json get a note instead of a plot).
/// A figure that fails is a note, never a lost analysis.
/// </summary>
internal sealed class ReportingFigureRenderer : IFigureRenderer
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, FigureReport> RenderEffect(EffectFigureInput input, string figuresDirectory)
    {
        var histories = input.ArmDirectories.ToDictionary(a => a.Key, a => ReadHistory(a.Value));
        var ala = histories[EffectArms.Ala];
        var titles = FigureKeys.All.ToDictionary(f => f.Key, f => f.Title);
        string PathOf(string name) => Path.Combine(figuresDirectory, $"{input.Budget}-{name}.png");

        return new Dictionary<string, FigureReport>
        {
            [FigureKeys.ValidationError] = Draw(titles[FigureKeys.ValidationError], () => Validation(input, histories, PathOf("validation"))),
            [FigureKeys.RewardPerRound] = Draw(titles[FigureKeys.RewardPerRound], () => input.AlaRewards is { } rewards
                ? (RunPlots.WriteRewards(PathOf("rewards"), [.. rewards.Select(r => new RewardRecord(r.Round, r.ChildId, r.Window, r.Reward, r.PolicyVersion))],
                    $"Reward per round, ala arm ({input.Budget} budget)"), null)
                : (null, "the ala arm has no results.json")),
            [FigureKeys.ActionDistribution] = Draw(titles[FigureKeys.ActionDistribution], () => ala.History is { } history
                ? (RunPlots.WriteActions(PathOf("actions"), RunSeries.ActionShares(history), $"Actions per window, ala arm ({input.Budget} budget)"), null)
                : (null, ala.Note)),
            [FigureKeys.PhiHeatmap] = Draw(titles[FigureKeys.PhiHeatmap], () => ala.History is { } history
                ? (RunPlots.WritePhi(PathOf("phi"), history), BestNote(history, input.BestAlaChildId))
                : (null, ala.Note)),
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<FigureReport> RenderMismatch(MismatchFigureInput input, string figuresDirectory) =>
        MismatchFigures.Render(input, figuresDirectory, Draw);

    // One line per arm with a history: the mean validation error over its children at each window.
    private static (string?, string?) Validation(EffectFigureInput input, Dictionary<string, (RunHistory? History, string? Note)> histories, string path)
    {
        var drawn = histories.Where(h => h.Value.History is not null).ToArray();
        if (drawn.Length == 0)
        {
            return (null, "no arm has a history.json (runs made before the CLI wrote one)");
        }

        var series = drawn.Select(h => RunSeries.MeanValidation(h.Value.History!, h.Key)).ToArray();
        var missing = histories.Keys.Except(drawn.Select(h => h.Key)).ToArray();
        var file = RunPlots.WriteValidation(path, series, $"Validation error per arm, mean over children ({input.Budget} budget)");
        return (file, missing.Length == 0 ? null : $"without {string.Join(", ", missing)} (no history.json)");
    }

    private static string? BestNote(RunHistory history, string? bestFromResults)
    {
        var best = BestChild.ByValidation(history)?.Id;
        return best == bestFromResults ? $"child {best}" : $"child {best} (results.json's best: {bestFromResults ?? "none"})";
    }

    private static (RunHistory? History, string? Note) ReadHistory(string runDirectory)
    {
        var path = Path.Combine(runDirectory, RunHistoryFile.FileName);
        if (!File.Exists(path))
        {
            return (null, $"no {RunHistoryFile.FileName} in {runDirectory}");
        }

        try
        {
            return (RunHistoryFile.Read(path), null);
        }
        catch (InvalidDataException e)
        {
            return (null, $"{path}: {e.Message}");
        }
    }

    private static FigureReport Draw(string title, Func<(string? Path, string? Note)> draw)
    {
        try
        {
            var (path, note) = draw();
            return new FigureReport(title, path is null ? null : Path.GetFileName(path), note);
        }
#pragma warning disable CA1031 // a figure that cannot be drawn must not lose the tables
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new FigureReport(title, null, $"not drawn: {e.GetType().Name}: {e.Message}");
        }
    }
}
