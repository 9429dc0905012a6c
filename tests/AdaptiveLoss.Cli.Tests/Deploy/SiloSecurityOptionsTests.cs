using AdaptiveLoss.Silo;

namespace AdaptiveLoss.Cli.Tests.Deploy;

/// <summary>The security flags of <c>ala-silo</c> (docs/deploy.md): each bad combination is one line naming its flag.</summary>
public sealed class SiloSecurityOptionsTests
{
    [Theory]
    [InlineData(new[] { "--tls-cert", "a.pem" }, "--tls-cert needs --tls-ca (the CA every peer must chain to)")]
    [InlineData(new[] { "--tls-ca", "ca.pem" }, "--tls-ca needs --tls-cert (this silo's certificate)")]
    [InlineData(new[] { "--tls-key", "a.key" }, "--tls-key needs --tls-cert")]
    [InlineData(new[] { "--health-port", "30000" }, "--health-port 30000 is already the silo, gateway or dashboard port")]
    [InlineData(new[] { "--health-port", "70000" }, "--health-port must be 1-65535 (got 70000)")]
    [InlineData(new[] { "--dashboard-user", "a b" }, "--dashboard-user must be 1-64 letters, digits, '.', '-' or '_'")]
    [InlineData(new[] { "--kubernetes" }, "--kubernetes needs --clustering redis (membership lives in Redis; Kubernetes hosting only manages the pods)")]
    public void Problem_BadSecuritySetting_OneLine(string[] args, string expected) => Assert.Equal(expected, SiloOptions.Read(args).Problem());

    [Theory]
    [InlineData("rediss://redis.lan")]
    [InlineData("redis-0.redis:6379,ssl=true,user=ala")]
    public void Problem_RedisTlsForms_Accepted(string redis) => Assert.Null(SiloOptions.Read(["--clustering", "redis", "--redis", redis]).Problem());

    [Fact]
    public void Resolve_MissingCertificateFile_OneLineNamingTheFlag()
    {
        var options = SiloOptions.Read(["--tls-cert", "/nonexistent/silo.pem", "--tls-ca", "/nonexistent/ca.pem"]);

        var problem = Assert.Throws<ArgumentException>(() => SiloSecurity.Resolve(options, _ => null)).Message;

        Assert.Equal("--tls-ca: /nonexistent/ca.pem does not exist", problem);
    }

    [Fact]
    public void Resolve_CertificateFromAnotherCa_Refused()
    {
        var folder = Directory.CreateTempSubdirectory("ala-tls-options-").FullName;
        try
        {
            using var ours = new TestCertificates(folder, "ours");
            using var theirs = new TestCertificates(folder, "theirs");
            var (certificate, key) = theirs.Issue("silo");
            var options = SiloOptions.Read(["--tls-cert", certificate, "--tls-key", key, "--tls-ca", ours.AuthorityFile]);

            var problem = Assert.Throws<ArgumentException>(() => SiloSecurity.Resolve(options, _ => null)).Message;

            Assert.Equal($"--tls-cert: {certificate} is not issued by the CA of --tls-ca ({ours.AuthorityFile})", problem);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Resolve_KubernetesWithoutThePodVariables_OneLine() =>
        Assert.Equal("--kubernetes needs the variable POD_NAME (the pod's downward API sets it: deploy/k8s/base/silo.yaml)",
            Assert.Throws<ArgumentException>(() => SiloSecurity.Resolve(SiloOptions.Read(["--clustering", "redis", "--kubernetes"]),
                v => v == "POD_NAMESPACE" ? "ala" : null)).Message);

    [Fact]
    public void Resolve_DashboardPasswordWithoutUser_Refused() =>
        Assert.Equal("a dashboard password is set (ALA_DASHBOARD_PASSWORD or --dashboard-password-file) but no --dashboard-user",
            Assert.Throws<ArgumentException>(() => SiloSecurity.Resolve(SiloOptions.Read(["--dashboard"]), v => v == "ALA_DASHBOARD_PASSWORD" ? "x" : null)).Message);
}
