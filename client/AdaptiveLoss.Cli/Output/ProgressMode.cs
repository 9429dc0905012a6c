namespace AdaptiveLoss.Cli.Output;

/// <summary>How <c>ala run</c> shows progress (<c>--progress</c>).</summary>
internal enum ProgressMode
{
    /// <summary>Bars on a terminal, lines otherwise (the default).</summary>
    Auto,
    /// <summary>One bar per child, redrawn in place (ANSI escapes).</summary>
    Bars,
    /// <summary>One line per child per window, for logs and CI.</summary>
    Lines,
}
