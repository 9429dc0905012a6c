using System.Text.Json;

namespace AdaptiveLoss.Cli.Tests.Deploy;

/// <summary>
/// Mutual TLS (docs/deploy.md, "Mutual TLS"): silos started with <c>--tls-cert</c>/<c>--tls-key</c>/<c>--tls-ca</c>
/// refuse a client without a certificate, or with one from another CA, before any grain is called; a 3-silo TLS
/// cluster on loopback (Redis clustering with a password) completes a run, and the password appears in nothing written.
/// </summary>
public sealed class TlsClusterTests : IDisposable
{
    private static readonly TimeSpan SiloStart = TimeSpan.FromSeconds(90);
    private readonly string _work = Directory.CreateTempSubdirectory("ala-tls-").FullName;
    private readonly TestCertificates _ca;
    private readonly TestCertificates _otherCa;

    public TlsClusterTests()
    {
        _ca = new TestCertificates(_work, "cluster");
        _otherCa = new TestCertificates(_work, "other");
    }

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Status_OnlyAClientWithACertificateOfTheClustersCa_CallsAGrain()
    {
        await using var silo = await SiloProcess.StartAsync(SiloStart, SiloTls("silo"));
        var cluster = $"localhost:{silo.GatewayPort}";
        var (stranger, strangerKey) = _otherCa.Issue("stranger");

        var plain = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "status", "nosuch", "--cluster", cluster);
        var foreign = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "status", "nosuch", "--cluster", cluster,
            "--tls-cert", stranger, "--tls-key", strangerKey, "--tls-ca", _otherCa.AuthorityFile);
        var member = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), ["status", "nosuch", "--cluster", cluster, .. ClientTls()]);

        Assert.Contains(", mutual tls", silo.Log);
        // No certificate, or another CA's: the handshake fails, so no grain is reached (exit 1, "cannot reach").
        Assert.Equal(1, plain.ExitCode);
        Assert.StartsWith($"ala: cannot reach the cluster at {cluster}", Assert.Single(plain.ErrorLines));
        Assert.Equal(1, foreign.ExitCode);
        Assert.StartsWith($"ala: cannot reach the cluster at {cluster}", Assert.Single(foreign.ErrorLines));
        // The cluster's own client reaches the experiment grain, which answers that there is no such experiment.
        Assert.True(member.ExitCode == 2, member.StandardError + "\nsilo:\n" + silo.Log);
        Assert.Equal([$"ala: no experiment 'nosuch' on cluster {cluster}"], member.ErrorLines);
    }

    [Fact]
    public async Task Run_ThreeTlsSilosWithARedisPassword_CompletesAndTheSecretIsWrittenNowhere()
    {
        const string secret = "s3cret-Pa55-word";
        await using var redis = await RedisServer.StartAsync(secret);
        var passwordFile = Path.Combine(_work, "redis-password");
        await File.WriteAllTextAsync(passwordFile, secret + "\n");
        var environment = new Dictionary<string, string?> { ["ALA_REDIS_PASSWORD"] = secret };
        var checkpoints = Path.Combine(_work, "checkpoints");
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await SiloProcess.StartAsync(SiloStart, environment, [.. SiloTls($"silo{i}"), "--clustering", "redis", "--redis", redis.Endpoint,
                    "--checkpoints", checkpoints, "--max-children", "1"]));
            }

            var outDir = Path.Combine(_work, "out");
            var run = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(5), ["run", "--cluster", redis.ClusterUri, "--redis-password-file", passwordFile,
                .. ClientTls(), "--experiment-id", "tls-1", "--train-limit", "1000", "--validation-size", "1000", "--epochs", "1", "--children", "3",
                "--window", "4", "--out", outDir, "--progress", "lines"]);

            var logs = string.Join("\n", silos.Select(s => s.Log));
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.StandardOutput}\n{run.StandardError}\nsilos:\n{logs}");
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
            ResultsAssertions.AssertValid(json.RootElement, children: 3);
            // One child per silo (one slot each): all three TLS silos trained.
            Assert.All(silos, s => Assert.Contains("mutual tls", s.Log));
            Assert.All(silos, s => Assert.Contains("Child tls-1/", s.Log, StringComparison.Ordinal));
            AssertSecretNowhere(secret, [run.StandardOutput, run.StandardError, logs], [outDir, checkpoints, .. silos.Select(s => s.StateDirectory)]);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>A silo's certificate files; each silo gets its own, all from <see cref="_ca"/>.</summary>
    private string[] SiloTls(string name)
    {
        var (certificate, key) = _ca.Issue(name);
        return ["--tls-cert", certificate, "--tls-key", key, "--tls-ca", _ca.AuthorityFile];
    }

    private string[] ClientTls()
    {
        var (certificate, key) = _ca.Issue("client");
        return ["--tls-cert", certificate, "--tls-key", key, "--tls-ca", _ca.AuthorityFile];
    }

    private static void AssertSecretNowhere(string secret, IEnumerable<string> texts, IEnumerable<string> folders)
    {
        Assert.All(texts, t => Assert.DoesNotContain(secret, t, StringComparison.Ordinal));
        // ala.lock is held open by its silo (docs/durability.md) and holds only the holder's description.
        foreach (var file in folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories)).Where(f => Path.GetFileName(f) != "ala.lock"))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)) >= 0, $"the Redis password is in {file}");
        }
    }
}
