using AdaptiveLoss.Reporting.History;
using AdaptiveLoss.Reporting.Plots;

namespace AdaptiveLoss.Cli.Output;

/// <summary>What a run writes next to results.json besides it: history.json and the four PNGs drawn from it.</summary>
/// <param name="HistoryPath">history.json, or null when only the plots were (re)drawn.</param>
/// <param name="Plots">validation.png, rewards.png, actions.png, phi.png.</param>
internal sealed record RunReport(string? HistoryPath, RunPlotFiles Plots)
{
    /// <summary>Writes history.json (atomically) and the plots into <paramref name="directory"/>.</summary>
    public static RunReport Write(string directory, RunHistory history) =>
        new(RunHistoryFile.Write(directory, history), RunPlots.WriteAll(directory, history));

    /// <summary>Redraws the plots of <paramref name="directory"/>'s history.json (<c>ala report</c>).</summary>
    public static RunReport Redraw(string directory, RunHistory history) => new(null, RunPlots.WriteAll(directory, history));

    /// <summary>One line per file: "history: PATH" then "plots: PATH" lines.</summary>
    public void Print(TextWriter output)
    {
        if (HistoryPath is not null)
        {
            output.WriteLine($"history: {HistoryPath}");
        }

        foreach (var plot in Plots.All)
        {
            output.WriteLine($"plot: {plot}");
        }
    }
}
