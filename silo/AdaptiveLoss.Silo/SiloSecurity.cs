using AdaptiveLoss.Core.IO;
using AdaptiveLoss.Grains.Clustering;

namespace AdaptiveLoss.Silo;

/// <summary>
/// The silo's secrets and certificates, read once before anything starts (docs/deploy.md): the Redis target with its
/// password, the TLS material and the dashboard's login. Any problem is one line naming the flag or variable, never a
/// secret, and the silo exits 2 having started and written nothing.
/// </summary>
public sealed class SiloSecurity : IDisposable
{
    /// <summary>The variable that holds the Redis password when <c>--redis-password-file</c> is not given.</summary>
    public const string RedisPasswordVariable = "ALA_REDIS_PASSWORD";

    /// <summary>The variable that holds the dashboard's password when <c>--dashboard-password-file</c> is not given.</summary>
    public const string DashboardPasswordVariable = "ALA_DASHBOARD_PASSWORD";

    /// <summary>The variables Orleans' Kubernetes hosting reads (KubernetesHostingOptions).</summary>
    public static IReadOnlyList<string> KubernetesVariables { get; } = ["POD_NAMESPACE", "POD_NAME", "POD_IP"];

    private SiloSecurity(RedisTarget redis, ClusterTls? tls, DashboardLogin? login) => (Redis, Tls, Login) = (redis, tls, login);

    /// <summary>The Redis of <see cref="SiloOptions.Redis"/>, with its password.</summary>
    public RedisTarget Redis { get; }

    /// <summary>Mutual TLS material, or null without <c>--tls-cert</c>.</summary>
    public ClusterTls? Tls { get; }

    /// <summary>The dashboard's login, or null: then the dashboard stays on loopback.</summary>
    public DashboardLogin? Login { get; }

    /// <summary>Reads the secrets and certificates <paramref name="options"/> name (already validated by <see cref="SiloOptions.Problem"/>).</summary>
    /// <exception cref="ArgumentException">One line: a missing or unreadable file, a password without a user, an open dashboard.</exception>
    public static SiloSecurity Resolve(SiloOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        RedisTarget.TryParse(options.Redis, portRequired: true, out var redis);
        redis = redis with { Password = SecretSource.Read("--redis-password-file", options.RedisPasswordFile, RedisPasswordVariable, environment) };
        var password = SecretSource.Read("--dashboard-password-file", options.DashboardPasswordFile, DashboardPasswordVariable, environment);
        if (password is not null != (options.DashboardUser is not null))
        {
            throw new ArgumentException(options.DashboardUser is null
                ? $"a dashboard password is set ({DashboardPasswordVariable} or --dashboard-password-file) but no --dashboard-user"
                : $"--dashboard-user needs a password: set {DashboardPasswordVariable} or --dashboard-password-file");
        }

        if (options.Dashboard && password is null && !options.DashboardOnLoopback)
        {
            throw new ArgumentException($"--dashboard-host {options.DashboardHost} is beyond loopback and the dashboard would have no login: "
                + $"set --dashboard-user and {DashboardPasswordVariable} (or --dashboard-password-file), or bind it to 127.0.0.1");
        }

        // Orleans' Kubernetes hosting fails at start, with a stack, without the downward API's variables: say so first.
        if (options.Kubernetes && KubernetesVariables.FirstOrDefault(v => string.IsNullOrEmpty(environment(v))) is { } missing)
        {
            throw new ArgumentException($"--kubernetes needs the variable {missing} (the pod's downward API sets it: deploy/k8s/base/silo.yaml)");
        }

        var tls = options.TlsCertificate is { } certificate
            ? ClusterTls.Load(certificate, options.TlsKey, options.TlsAuthority!, environment)
            : null;
        return new SiloSecurity(redis, tls, password is null ? null : new DashboardLogin(options.DashboardUser!, password));
    }

    public void Dispose() => Tls?.Dispose();
}
