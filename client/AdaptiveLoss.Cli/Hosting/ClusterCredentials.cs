namespace AdaptiveLoss.Cli.Hosting;

/// <summary>
/// The files a client of a secured cluster names (docs/deploy.md): its TLS certificate, key and CA
/// (<c>--tls-cert</c>, <c>--tls-key</c>, <c>--tls-ca</c>) and the Redis password's file (<c>--redis-password-file</c>;
/// unset = ALA_REDIS_PASSWORD). Paths only: the secrets are read once, by <see cref="ClusterTarget.Parse(string?, ClusterCredentials, Func{string, string?})"/>.
/// </summary>
internal sealed record ClusterCredentials(string? TlsCertificate = null, string? TlsKey = null, string? TlsAuthority = null, string? RedisPasswordFile = null)
{
    /// <summary>The flag of the first file given, or null when none is.</summary>
    public string? FirstFlag =>
        TlsCertificate is not null ? "--tls-cert" : TlsKey is not null ? "--tls-key" : TlsAuthority is not null ? "--tls-ca"
        : RedisPasswordFile is not null ? "--redis-password-file" : null;
}
