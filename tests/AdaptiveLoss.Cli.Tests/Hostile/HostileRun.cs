using System.Globalization;

namespace AdaptiveLoss.Cli.Tests.Hostile;

/// <summary>
/// What a hostile or careless input did to a process: its exit code and output, its peak resident memory, and every file
/// it left in its working folder that was not there before it started.
/// </summary>
internal sealed record HostileResult(int ExitCode, string StandardOutput, string StandardError, long PeakRssBytes, IReadOnlyList<string> Written)
{
    public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Runs a built program (the CLI or the silo) under GNU time in a working folder, to measure its peak RSS: the kernel's
/// ru_maxrss of the child, which no sampling of /proc can miss. The folder is listed before and after, so a test can
/// assert that a refused input wrote nothing (README: bad input → one line, exit 2, nothing written).
/// </summary>
internal static class HostileRun
{
    /// <summary>The ceiling every hostile input must stay under (hardening: peak memory under 1 GB).</summary>
    public const long MemoryCeilingBytes = 1L << 30;

    /// <summary>GNU time; test.sh installs the Debian package <c>time</c> when it is missing.</summary>
    private const string GnuTime = "/usr/bin/time";

    /// <summary>Runs <c>ala ARGS</c> in <paramref name="workingDirectory"/>.</summary>
    public static Task<HostileResult> CliAsync(string workingDirectory, params string[] args) =>
        RunAsync(RepositoryPaths.CliDll, workingDirectory, TimeSpan.FromMinutes(2), new Dictionary<string, string?>(), args);

    /// <summary>
    /// Runs <c>ala ARGS</c> as an unprivileged user: as root (CI, containers), through <c>setpriv</c> as nobody, since
    /// file modes do not stop root and a read-only folder would otherwise be untestable; as anyone else, as is.
    /// <paramref name="workingDirectory"/> is opened to it, as a user's own folder would be (its default --out and --state are there).
    /// </summary>
    public static Task<HostileResult> CliUnprivilegedAsync(string workingDirectory, params string[] args)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(workingDirectory, (UnixFileMode)0b111_111_111); // 0777
        }

        return RunAsync(RepositoryPaths.CliDll, workingDirectory, TimeSpan.FromMinutes(2), new Dictionary<string, string?>(), args,
            unprivileged: Environment.UserName == "root");
    }

    /// <summary>Runs <paramref name="dll"/> with <paramref name="args"/> to its exit, measured.</summary>
    public static async Task<HostileResult> RunAsync(string dll, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?> environment, string[] args, bool unprivileged = false)
    {
        Assert.True(File.Exists(GnuTime), $"{GnuTime} is missing: apt-get install time (test.sh does)");
        Assert.True(File.Exists(dll), $"not built: {dll}");
        var before = Files(workingDirectory);
        // Outside the working folder, so it is not counted as written.
        var report = Path.Combine(Path.GetTempPath(), $"ala-rss-{Guid.NewGuid():N}.txt");
        // nobody (65534) has no home: HOME=/tmp keeps dotnet from looking for one.
        string[] prefix = unprivileged ? ["--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", GnuTime] : [];
        try
        {
            var result = await CliProcess.RunProgramAsync(unprivileged ? "setpriv" : GnuTime,
                [.. prefix, "-f", "%M", "-o", report, "dotnet", dll, .. args], workingDirectory, timeout, environment);
            var written = Files(workingDirectory).Except(before).Order(StringComparer.Ordinal).ToArray();
            return new HostileResult(result.ExitCode, result.StandardOutput, result.StandardError, PeakRss(report), written);
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>
    /// The refusal every hostile input must get: exit 2, one line on stderr that contains <paramref name="expected"/>,
    /// nothing written, peak RSS under <see cref="MemoryCeilingBytes"/>.
    /// </summary>
    public static void AssertRefused(HostileResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}, expected 2; stderr:\n{result.StandardError}");
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains(expected, line);
        Assert.True(result.Written.Count == 0, "written: " + string.Join(", ", result.Written));
        AssertBounded(result);
    }

    /// <summary>The peak RSS stayed under <see cref="MemoryCeilingBytes"/>.</summary>
    public static void AssertBounded(HostileResult result) =>
        Assert.True(result.PeakRssBytes < MemoryCeilingBytes, $"peak RSS {result.PeakRssBytes / (1 << 20)} MiB");

    // GNU time's %M: the maximum resident set size in KiB; with -o its line is the last one of the file.
    private static long PeakRss(string report)
    {
        var last = File.ReadAllLines(report).Last(l => l.Length > 0);
        return long.Parse(last.Trim(), CultureInfo.InvariantCulture) * 1024;
    }

    private static HashSet<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(folder, p)).ToHashSet()
            : [];
}
