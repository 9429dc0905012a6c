using AdaptiveLoss.Cli.Hosting;

namespace AdaptiveLoss.Cli.Tests.Deploy;

/// <summary>
/// A Redis that requires a password (<c>redis-server --requirepass</c>; docs/deploy.md, "Redis password and TLS"): a
/// missing or wrong password is one line, exit 2, that never holds the secret and starts nothing; the right one, from
/// ALA_REDIS_PASSWORD or <c>--redis-password-file</c>, joins the cluster (TlsClusterTests runs a whole cluster on it).
/// </summary>
public sealed class RedisPasswordTests : IDisposable
{
    private const string Secret = "c0rrect-h0rse";
    private const string Wrong = "wr0ng-batt3ry";
    private readonly string _work = Directory.CreateTempSubdirectory("ala-redis-auth-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Silo_WrongOrMissingPassword_ExitsTwoWithOneLineWithoutTheSecret()
    {
        await using var redis = await RedisServer.StartAsync(Secret);
        var state = Path.Combine(_work, "state");

        var wrong = await Silo(redis, new() { ["ALA_REDIS_PASSWORD"] = Wrong });
        var missing = await Silo(redis, new() { ["ALA_REDIS_PASSWORD"] = null });

        Assert.Equal(2, wrong.ExitCode);
        Assert.Equal([$"ala-silo: --redis: Redis refused the password at redis://{redis.Endpoint} (wrong password or user)"], wrong.ErrorLines);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal([$"ala-silo: --redis: Redis refused the password at redis://{redis.Endpoint} (it needs one: set ALA_REDIS_PASSWORD or --redis-password-file)"],
            missing.ErrorLines);
        Assert.DoesNotContain(Wrong, wrong.StandardOutput + wrong.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(state), "nothing written");
    }

    [Fact]
    public async Task Silo_RightPasswordFromAFile_JoinsTheCluster()
    {
        await using var redis = await RedisServer.StartAsync(Secret);
        var file = Path.Combine(_work, "password");
        await File.WriteAllTextAsync(file, Secret + "\n");

        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(90), new Dictionary<string, string?> { ["ALA_REDIS_PASSWORD"] = Wrong },
            "--clustering", "redis", "--redis", redis.Endpoint, "--redis-password-file", file);

        Assert.Contains($"clustering redis {redis.Endpoint}", silo.Log); // the file wins over the variable
        Assert.DoesNotContain(Secret, silo.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WrongPassword_ExitsTwoWithOneLineWithoutTheSecretAndWritesNothing()
    {
        await using var redis = await RedisServer.StartAsync(Secret);
        var file = Path.Combine(_work, "password");
        await File.WriteAllTextAsync(file, Wrong);
        var outDir = Path.Combine(_work, "out");

        var result = await CliProcess.RunAsync(_work, TimeSpan.FromMinutes(1), "run", "--cluster", redis.ClusterUri, "--redis-password-file", file,
            "--epochs", "1", "--out", outDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"ala: --cluster: Redis refused the password at redis://{redis.Endpoint} (wrong password or user)"], result.ErrorLines);
        Assert.DoesNotContain(Wrong, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "nothing written");
    }

    /// <summary>
    /// <c>rediss://</c>: the silo reaches a TLS-only Redis whose certificate chains to <c>--tls-ca</c> (the cluster's CA),
    /// and joins; with another CA it is refused before it starts.
    /// </summary>
    [Fact]
    public async Task Silo_RedissWithTheClustersCa_Joins_AnotherCa_Refused()
    {
        using var ca = new TestCertificates(_work, "cluster");
        using var other = new TestCertificates(_work, "other");
        var (redisCertificate, redisKey) = ca.Issue("redis");
        var (siloCertificate, siloKey) = ca.Issue("silo");
        var (strangerCertificate, strangerKey) = other.Issue("stranger");
        await using var redis = await RedisServer.StartTlsAsync(redisCertificate, redisKey, ca.AuthorityFile);
        var rediss = $"rediss://{redis.Endpoint}";

        await using var silo = await SiloProcess.StartAsync(TimeSpan.FromSeconds(90), "--clustering", "redis", "--redis", rediss,
            "--tls-cert", siloCertificate, "--tls-key", siloKey, "--tls-ca", ca.AuthorityFile);
        var refused = await CliProcess.RunDllAsync(RepositoryPaths.SiloDll, _work, TimeSpan.FromMinutes(1), new Dictionary<string, string?>(),
            "--clustering", "redis", "--redis", rediss, "--tls-cert", strangerCertificate, "--tls-key", strangerKey, "--tls-ca", other.AuthorityFile,
            "--state", Path.Combine(_work, "refused"));

        Assert.Contains($"clustering redis {redis.Endpoint} (tls)", silo.Log);
        Assert.Contains($"--cluster {rediss}", silo.Log);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal([$"ala-silo: --redis: Redis at {redis.Endpoint} failed the TLS handshake (its certificate does not chain to --tls-ca, or it does not speak TLS)"],
            refused.ErrorLines);
    }

    [Theory]
    [InlineData("redis://h:6379,password=" + Secret)]
    [InlineData("redis://default:" + Secret + "@h:6379")]
    [InlineData("rediss://h,ssl=maybe")]
    public void ClusterTarget_InlinePasswordOrBadOption_RefusedWithoutEcho(string connection)
    {
        var message = Assert.Throws<Parsing.UsageException>(() => ClusterTarget.Parse(connection)).Message;

        Assert.StartsWith("--cluster: expected ", message);
        Assert.DoesNotContain(Secret, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rediss://redis.lan", "redis.lan:6379", true, null, null)]
    [InlineData("redis://10.0.0.5:7000,ssl=true,sslHost=redis.internal,user=ala", "10.0.0.5:7000", true, "redis.internal", "ala")]
    [InlineData("redis://h:1", "h:1", false, null, null)]
    public void ClusterTarget_TlsAndUser_Parsed(string connection, string endpoint, bool ssl, string? sslHost, string? user)
    {
        var target = ClusterTarget.Parse(connection, new ClusterCredentials(), _ => Secret);

        Assert.Equal(new AdaptiveLoss.Grains.Clustering.RedisTarget(endpoint, ssl, sslHost, user), target.Redis! with { Password = null });
        Assert.Equal(Secret, target.Redis!.Password); // from ALA_REDIS_PASSWORD
        Assert.DoesNotContain(Secret, target.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, target.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "c.pem", "ca.pem", null, "--tls-cert needs --cluster (an embedded silo has no network to secure)")]
    [InlineData("localhost", "c.pem", null, null, "--tls-cert needs --tls-ca (the CA the silos' certificates chain to)")]
    [InlineData("localhost", null, "ca.pem", null, "--tls-ca and --tls-key need --tls-cert (this client's certificate)")]
    [InlineData("localhost", null, null, "p", "--redis-password-file needs --cluster redis://… or rediss://…")]
    public void ClusterTarget_CredentialFilesWithoutWhatTheyNeed_OneLine(string? cluster, string? certificate, string? authority, string? passwordFile, string expected)
    {
        var credentials = new ClusterCredentials(certificate, null, authority, passwordFile);

        Assert.Equal(expected, Assert.Throws<Parsing.UsageException>(() => ClusterTarget.Parse(cluster, credentials, _ => null)).Message);
    }

    private Task<CliResult> Silo(RedisServer redis, Dictionary<string, string?> environment)
    {
        var ports = FreePorts.Pick(2);
        return CliProcess.RunDllAsync(RepositoryPaths.SiloDll, _work, TimeSpan.FromMinutes(1), environment, "--clustering", "redis", "--redis", redis.Endpoint,
            "--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}", "--state", Path.Combine(_work, "state"));
    }
}
