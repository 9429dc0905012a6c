using AdaptiveLoss.Silo;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>The standalone silo's cluster and training settings (docs/cluster.md): flags, environment, defaults, bad values.</summary>
public sealed class SiloOptionsTests
{
    [Fact]
    public void Read_NoFlags_LocalhostClusteringAndDefaults()
    {
        var options = SiloOptions.Read([]);

        Assert.Equal(("localhost", "127.0.0.1:6379", "ala", "ala", "127.0.0.1"),
            (options.Clustering, options.Redis, options.ClusterId, options.ServiceId, options.AdvertisedAddress));
        Assert.Equal((2.0, 3), (options.ProbeTimeoutSeconds, options.MissedProbesLimit));
        Assert.Equal((null, null), (options.MaxChildren, options.Device));
        Assert.False(options.UsesRedis);
        Assert.Null(options.Problem());
    }

    [Fact]
    public void Read_RedisFlags_SetTheClusterAndTrainingSettings()
    {
        var options = SiloOptions.Read(["--clustering", "redis", "--redis", "10.0.0.5:7000", "--cluster-id", "c1", "--service-id", "s1",
            "--advertised-address", "10.0.0.7", "--probe-timeout", "1.5", "--missed-probes", "4", "--max-children", "2", "--device", "cpu"]);

        Assert.True(options.UsesRedis);
        Assert.Equal(("10.0.0.5:7000", "c1", "s1", "10.0.0.7"), (options.Redis, options.ClusterId, options.ServiceId, options.AdvertisedAddress));
        Assert.Equal((1.5, 4, "2", "cpu"), (options.ProbeTimeoutSeconds, options.MissedProbesLimit, options.MaxChildren, options.Device));
        Assert.Null(options.Problem());
    }

    [Fact]
    public void Read_Environment_SetsTheSameKeys()
    {
        Environment.SetEnvironmentVariable("Silo__Clustering", "redis");
        Environment.SetEnvironmentVariable("Training__MaxConcurrentChildren", "3");
        try
        {
            var options = SiloOptions.Read([]);

            Assert.Equal(("redis", "3"), (options.Clustering, options.MaxChildren));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Silo__Clustering", null);
            Environment.SetEnvironmentVariable("Training__MaxConcurrentChildren", null);
        }
    }

    [Theory]
    [InlineData("--clustering", "etcd", "--clustering must be localhost or redis (got 'etcd')")]
    [InlineData("--redis", "localhost", BadRedis)]
    [InlineData("--redis", "h:0", BadRedis)]
    [InlineData("--redis", "u:s3cret@h:6379", BadRedis)]
    [InlineData("--redis", "h:6379,password=s3cret", BadRedis)]
    [InlineData("--cluster-id", " ", "--cluster-id must not be empty")]
    [InlineData("--advertised-address", "myhost", "--advertised-address must be an IP address (got 'myhost')")]
    [InlineData("--probe-timeout", "0", "--probe-timeout must be seconds in (0, 600] (got 0)")]
    [InlineData("--missed-probes", "0", "--missed-probes must be 1-100 (got 0)")]
    [InlineData("--max-children", "-1", "--max-children must be a whole number >= 0, 0 = no limit (got '-1')")]
    [InlineData("--max-children", "two", "--max-children must be a whole number >= 0, 0 = no limit (got 'two')")]
    [InlineData("--device", "gpu", "--device must be cpu or cuda (got 'gpu')")]
    [InlineData("--silo-port", "abc", "--silo-port must be a number (Failed to convert configuration value 'abc' at 'Silo:SiloPort' to type 'System.Int32'.)")]
    public void Problem_BadValue_OneLineNamingTheFlag(string flag, string value, string expected) =>
        Assert.Equal(expected, SiloOptions.Read([flag, value]).Problem());

    // Never the value: it may hold a password
    // (docs/cluster.md, "Settings files, secrets and the state folder").
    private const string BadRedis = "--redis must be " + AdaptiveLoss.Grains.Clustering.RedisTarget.Forms;

    [Theory]
    [InlineData("[::1]:6379")]
    [InlineData("redis-1.lan:7000")]
    public void Problem_RedisHostOrIpv6_Accepted(string redis) => Assert.Null(SiloOptions.Read(["--redis", redis]).Problem());

    [Fact]
    public void Read_MalformedSettingsFile_OneLineNamingTheFileAndWhereNotItsContent()
    {
        var folder = Directory.CreateTempSubdirectory("ala-settings-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "appsettings.json"), "{ \"Silo\": { \"Redis\": \"h:1,password=s3cret\" },\n  oops }");

            var problem = SiloOptions.Read([], folder).Problem();

            Assert.Equal($"settings file {Path.Combine(folder, "appsettings.json")} is not valid JSON (line 2, byte 3); fix it or remove it", problem);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
