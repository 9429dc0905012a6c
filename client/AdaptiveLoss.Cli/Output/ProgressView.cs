namespace AdaptiveLoss.Cli.Output;

/// <summary>Chooses the progress view.</summary>
internal static class ProgressView
{
    /// <summary>
    /// True when bars are drawn: asked for, or <see cref="ProgressMode.Auto"/> with stdout on a terminal whose TERM is
    /// not "dumb" (a dumb terminal, a pipe or a file gets plain lines, which logs and CI read well).
    /// </summary>
    public static bool UseBars(ProgressMode mode, bool outputRedirected, string? term) => mode switch
    {
        ProgressMode.Bars => true,
        ProgressMode.Lines => false,
        _ => !outputRedirected && !string.Equals(term, "dumb", StringComparison.Ordinal),
    };

    /// <summary><see cref="UseBars(ProgressMode, bool, string?)"/> for this process's console.</summary>
    public static bool UseBars(ProgressMode mode) =>
        UseBars(mode, Console.IsOutputRedirected, Environment.GetEnvironmentVariable("TERM"));
}
