namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>How to start the CLI: the repository's <c>./ala</c> script (builds when stale) or a built ala.dll.</summary>
/// <param name="FileName">Executable to start.</param>
/// <param name="Prefix">Arguments before <c>run …</c> (the dll path when started through dotnet).</param>
/// <param name="Display">How the command is shown in logs and the report.</param>
internal sealed record AlaCommand(string FileName, IReadOnlyList<string> Prefix, string Display)
{
    /// <summary>The repository's ./ala script, as the report shows the commands the benchmark defines.</summary>
    public static AlaCommand Script { get; } = new("./ala", [], "./ala");

    /// <summary>A script or executable (e.g. ./ala), or a .dll started with <c>dotnet</c>.</summary>
    public static AlaCommand From(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new AlaCommand("dotnet", [Path.GetFullPath(path)], "dotnet " + Path.GetFileName(path))
            : new AlaCommand(Path.GetFullPath(path), [], "./ala");

    /// <summary>The command line for <paramref name="arguments"/>, as shown in the report.</summary>
    public string Format(IEnumerable<string> arguments) => string.Join(' ', [Display, .. arguments.Select(Quote)]);

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./=:+,@".Contains(c)) ? argument : $"'{argument}'";
}
