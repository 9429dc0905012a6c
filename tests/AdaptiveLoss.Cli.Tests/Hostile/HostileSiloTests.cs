using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Cli.Tests.Hostile;

/// <summary>
/// The standalone silo's settings and state folder under bad input (docs/cluster.md, "Settings files, secrets and the
/// state folder"; docs/durability.md, "One owner per state folder"): one line <c>ala-silo: …</c>, exit 2, nothing
/// written, no secret echoed.
/// </summary>
public sealed class HostileSiloTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-hostile-silo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("appsettings.json", "{\n  \"Silo\": { \"GatewayPort\": 30001,, }\n}", "is not valid JSON (line 2, byte ")]
    [InlineData("appsettings.json", "{ \"Silo\": ", "is not valid JSON (line 1, byte ")]
    [InlineData("appsettings.Production.json", "{\n\n  nope", "is not valid JSON (line 3, byte ")]
    public async Task Silo_MalformedSettingsFile_OneLineNamingTheFile(string name, string content, string expected)
    {
        File.WriteAllText(Path.Combine(_folder, name), content);

        var result = await Silo(["--state", Path.Combine(_folder, "state")]);

        HostileRun.AssertRefused(result, $"ala-silo: settings file {Path.Combine(_folder, name)} {expected}");
    }

    [Fact]
    public async Task Silo_OversizedSettingsFile_RefusedBeforeTheLoaderReadsIt()
    {
        var settings = Path.Combine(_folder, "appsettings.json");
        using (var stream = File.Create(settings))
        {
            stream.SetLength(2L << 30); // 2 GiB, sparse: the loader would read it whole
        }

        var result = await Silo(["--state", Path.Combine(_folder, "state")]);

        HostileRun.AssertRefused(result, $"ala-silo: settings file {settings}: is larger than 1 MiB; fix it or remove it");
    }

    [Fact]
    public async Task Silo_SettingsFileIsAFifo_RefusedInsteadOfHanging()
    {
        var settings = Path.Combine(_folder, "appsettings.Production.json");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", settings))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await Silo(["--state", Path.Combine(_folder, "state")]);

        HostileRun.AssertRefused(result, $"ala-silo: settings file {settings}: is a FIFO, not a regular file; fix it or remove it");
    }

    [Fact]
    public async Task Silo_SettingsFileWithAPasswordAndAnError_PasswordNotEchoed()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), "{ \"Silo\": { \"Redis\": \"h:6379,password=s3cretpw\" } }");

        var result = await Silo(["--clustering", "redis"]);

        HostileRun.AssertRefused(result, "ala-silo: --redis must be " + AdaptiveLoss.Grains.Clustering.RedisTarget.Forms);
        Assert.DoesNotContain("s3cretpw", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("u:s3cretpw@h:6379")]
    [InlineData("h:6379,password=s3cretpw")]
    public async Task Silo_RedisValueWithAPassword_RefusedAndThePasswordAppearsNowhere(string redis)
    {
        var result = await Silo(["--clustering", "redis", "--redis", redis]);

        HostileRun.AssertRefused(result, "ala-silo: --redis must be HOST:PORT");
        Assert.DoesNotContain("s3cretpw", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_StateFolderLockedByAnotherProcess_RefusedBeforeTheHostStarts()
    {
        var state = Path.Combine(_folder, "state");
        using var holder = StateFolderLock.Acquire(state, "ala run first");

        var result = await Silo(["--state", state]);

        HostileRun.AssertRefused(result, $"ala-silo: --state: state folder {state} is in use by another process (pid {Environment.ProcessId}, ala run first, since ");
    }

    /// <summary>A setting the host validates at start is checked before the state folder is taken: nothing is written.</summary>
    [Fact]
    public async Task Silo_BadTrainingSetting_RefusedBeforeTheStateFolderIsTaken()
    {
        var result = await Silo(["--state", Path.Combine(_folder, "state")], new Dictionary<string, string?> { ["Training__ShutdownTimeoutSeconds"] = "-1" });

        HostileRun.AssertRefused(result, "ala-silo: Training:ShutdownTimeoutSeconds must be seconds in [0, 9.2e11] (got -1)");
    }

    private Task<HostileResult> Silo(string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var ports = FreePorts.Pick(2);
        return HostileRun.RunAsync(RepositoryPaths.SiloDll, _folder, TimeSpan.FromMinutes(1), environment ?? new Dictionary<string, string?>(),
            ["--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", .. args]);
    }
}
