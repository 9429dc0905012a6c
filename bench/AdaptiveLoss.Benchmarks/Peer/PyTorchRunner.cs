using System.Globalization;
using System.Text.Json;

namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>
/// The PyTorch side: Debian's <c>python3-torch</c> under <c>/usr/bin/python3</c>, installed with apt-get when missing
/// (with <c>apt-get update</c> first if the plain install fails; through sudo when not root), running
/// Peer/pytorch_cnn.py once per timed run.
/// </summary>
internal static class PyTorchRunner
{
    private const string Package = "python3-torch";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(30);

    /// <summary>True when <paramref name="python"/> can import torch.</summary>
    public static bool Available(string python) =>
        Processes.Run(python, ["-c", "import torch, numpy"], CheckTimeout).ExitCode == 0;

    /// <summary>Installs python3-torch; returns null on success, else why not.</summary>
    public static string? Install(TextWriter log)
    {
        var root = Processes.Run("id", ["-u"], CheckTimeout).Output.Trim() == "0";
        Processes.Result AptGet(params string[] args) => root
            ? Processes.Run("apt-get", args, InstallTimeout, NonInteractive)
            : Processes.Run("sudo", ["-n", "apt-get", .. args], InstallTimeout, NonInteractive);
        log.WriteLine($"peer: installing {Package} (apt-get{(root ? string.Empty : " through sudo")})");
        var install = AptGet("install", "-y", Package);
        if (install.ExitCode == 0)
        {
            return null;
        }

        log.WriteLine("peer: install failed; running apt-get update first");
        var update = AptGet("update");
        var retry = update.ExitCode == 0 ? AptGet("install", "-y", Package) : update;
        return retry.ExitCode == 0 ? null : $"apt-get install -y {Package} failed: {LastLine(retry.Error)}";
    }

    /// <summary>The Debian package version of python3-torch, or null.</summary>
    public static string? PackageVersion()
    {
        var query = Processes.Run("dpkg-query", ["-W", "-f", "${Version}", Package], CheckTimeout);
        return query.ExitCode == 0 && query.Output.Trim().Length > 0 ? query.Output.Trim() : null;
    }

    /// <summary>One timed run of the script; returns the run and the script's whole JSON (versions, BLAS, …).</summary>
    public static (PeerRun Run, JsonElement Report) Run(PeerOptions peer, string script, int threads, int repeat)
    {
        string[] args =
        [
            script, "--data", peer.DataDirectory, "--threads", Text(threads), "--batches", Text(peer.Batches),
            "--warmup", Text(peer.WarmupBatches), "--batch-size", Text(peer.BatchSize),
            "--lr", peer.LearningRate.ToString("R", CultureInfo.InvariantCulture),
            "--validation-size", Text(peer.ValidationSize), "--seed", Text(peer.Seed),
        ];
        var result = Processes.Run(peer.Python, args, RunTimeout);
        var line = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (result.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"{peer.Python} {Path.GetFileName(script)} exited {result.ExitCode}: {LastLine(result.Error)}");
        }

        var report = JsonDocument.Parse(line).RootElement.Clone();
        var run = new PeerRun("pytorch", report.GetProperty("threads").GetInt32(), repeat, report.GetProperty("batches").GetInt32(),
            report.GetProperty("images").GetInt64(), report.GetProperty("seconds").GetDouble(),
            report.GetProperty("imagesPerSecond").GetDouble(), report.GetProperty("finalLoss").GetDouble());
        return (run, report);
    }

    /// <summary>The script: <paramref name="configured"/>, else Peer/pytorch_cnn.py next to the binary or in the source tree.</summary>
    public static string LocateScript(string? configured)
    {
        if (configured is not null)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new ArgumentException($"--script: no file {configured}");
        }

        var candidates = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .SelectMany(Ancestors)
            .SelectMany(dir => new[] { Path.Combine(dir, "Peer", "pytorch_cnn.py"), Path.Combine(dir, "bench", "AdaptiveLoss.Benchmarks", "Peer", "pytorch_cnn.py") });
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("Peer/pytorch_cnn.py not found next to the binary or above the current folder (use --script)");
    }

    private static IReadOnlyDictionary<string, string> NonInteractive { get; } = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            yield return dir.FullName;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";
}
