using System.Diagnostics;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>The result of running the built CLI as a process.</summary>
internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string[] ErrorLines => StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <c>dotnet ala.dll ARGS</c> in a working folder, as a user would (exit code, stdout, stderr).</summary>
internal static class CliProcess
{
    public static Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(workingDirectory, timeout, new Dictionary<string, string?>(), args);

    /// <summary>Runs the CLI with extra (or, for a null value, removed) environment variables.</summary>
    public static Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment,
        params string[] args) => RunDllAsync(RepositoryPaths.CliDll, workingDirectory, timeout, environment, args);

    /// <summary>Runs another built program (the silo) the same way, to its exit.</summary>
    public static Task<CliResult> RunDllAsync(string dll, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        Assert.True(File.Exists(dll), $"not built: {dll}");
        return RunProgramAsync("dotnet", [dll, .. args], workingDirectory, timeout, environment);
    }

    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/> to its exit; killed with its children past <paramref name="timeout"/>.</summary>
    public static async Task<CliResult> RunProgramAsync(string program, IReadOnlyList<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} ran over {timeout}; stdout so far:\n{await output}\nstderr:\n{await error}");
        }

        return new CliResult(process.ExitCode, await output, await error, clock.Elapsed);
    }
}
