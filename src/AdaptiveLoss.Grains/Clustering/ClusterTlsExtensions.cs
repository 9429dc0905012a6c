using Orleans.Connections.Security;
using Orleans.Hosting;

namespace AdaptiveLoss.Grains.Clustering;

/// <summary>
/// Orleans' TLS (Microsoft.Orleans.Connections.Security) as this cluster uses it (docs/deploy.md, "Mutual TLS"): every
/// connection, silo to silo and client to gateway, presents a certificate and accepts only a peer issued by
/// <see cref="ClusterTls.Authority"/>. A client without a certificate, or with one from another CA, is refused during
/// the handshake, before any message reaches a grain.
/// </summary>
public static class ClusterTlsExtensions
{
    /// <summary>Mutual TLS on the silo's silo-to-silo and gateway endpoints.</summary>
    public static ISiloBuilder UseAdaptiveLossTls(this ISiloBuilder silo, ClusterTls tls)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(tls);
        return silo.UseTls(tls.Certificate, o => Configure(o, tls));
    }

    /// <summary>Mutual TLS on the client's gateway connections.</summary>
    public static IClientBuilder UseAdaptiveLossTls(this IClientBuilder client, ClusterTls tls)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tls);
        return client.UseTls(tls.Certificate, o => Configure(o, tls));
    }

    private static void Configure(TlsOptions options, ClusterTls tls)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Chain to the private CA only; host names are not checked (silos are addressed by pod IPs).
        options.RemoteCertificateValidation = (certificate, _, _) => tls.Trusts(certificate);
    }
}
