using System.Net;

namespace AdaptiveLoss.Silo;

/// <summary>The security and deployment settings of the silo (docs/deploy.md): TLS, secrets' files, health port, dashboard login, Kubernetes.</summary>
public sealed partial class SiloOptions
{
    /// <summary>
    /// File holding the Redis password (<c>--redis-password-file</c>; a Kubernetes or compose secret). Unset: the
    /// variable ALA_REDIS_PASSWORD, else no password. The password is never a flag's value, so never in a process list.
    /// </summary>
    public string? RedisPasswordFile { get; set; }

    /// <summary>This silo's certificate (<c>--tls-cert</c>): PEM (with the key, or the key in <see cref="TlsKey"/>) or PKCS#12. Unset: no TLS.</summary>
    public string? TlsCertificate { get; set; }

    /// <summary>The PEM private key of <see cref="TlsCertificate"/> when it is a separate file (<c>--tls-key</c>; Kubernetes' tls.key).</summary>
    public string? TlsKey { get; set; }

    /// <summary>The private CA (<c>--tls-ca</c>, PEM) every peer's certificate must chain to; required with <see cref="TlsCertificate"/>.</summary>
    public string? TlsAuthority { get; set; }

    /// <summary>
    /// TCP port of <c>/health/live</c> and <c>/health/ready</c> on every address (<c>--health-port</c>), for probes. Default
    /// 0: off. They say only "Healthy" or "Unhealthy", so they need no login.
    /// </summary>
    public int HealthPort { get; set; }

    /// <summary>The dashboard's login user (<c>--dashboard-user</c>); its password comes from ALA_DASHBOARD_PASSWORD or <see cref="DashboardPasswordFile"/>.</summary>
    public string? DashboardUser { get; set; }

    /// <summary>File holding the dashboard's password (<c>--dashboard-password-file</c>); unset: ALA_DASHBOARD_PASSWORD.</summary>
    public string? DashboardPasswordFile { get; set; }

    /// <summary>
    /// Run as a Kubernetes pod (<c>--kubernetes</c>): Orleans' Kubernetes hosting reads POD_NAME, POD_NAMESPACE, POD_IP
    /// and deletes the pods of silos the cluster declared dead (deploy/k8s). Default false.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>True when the dashboard listens only on loopback (127.0.0.0/8, ::1 or localhost).</summary>
    public bool DashboardOnLoopback => DashboardHost == "localhost" || (IPAddress.TryParse(DashboardHost, out var ip) && IPAddress.IsLoopback(ip));

    private string? SecurityProblem()
    {
        if (TlsCertificate is null != (TlsAuthority is null))
        {
            return TlsCertificate is null ? "--tls-ca needs --tls-cert (this silo's certificate)" : "--tls-cert needs --tls-ca (the CA every peer must chain to)";
        }

        if (TlsKey is not null && TlsCertificate is null)
        {
            return "--tls-key needs --tls-cert";
        }

        if (HealthPort != 0 && (HealthPort == SiloPort || HealthPort == GatewayPort || (Dashboard && HealthPort == DashboardPort)))
        {
            return $"--health-port {HealthPort} is already the silo, gateway or dashboard port";
        }

        if (DashboardUser is { } user && !(user.Length is > 0 and <= 64 && user.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')))
        {
            return "--dashboard-user must be 1-64 letters, digits, '.', '-' or '_'";
        }

        return Kubernetes && !UsesRedis ? "--kubernetes needs --clustering redis (membership lives in Redis; Kubernetes hosting only manages the pods)" : null;
    }
}
