using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AdaptiveLoss.Grains.Clustering;

/// <summary>
/// Mutual TLS material of a silo or a client (docs/deploy.md, "Mutual TLS"): this process's certificate with its
/// private key, and the private CA that every peer's certificate must chain to. Peers are trusted for being issued by
/// that CA, not for their names: silos are reached by IP addresses that change with every pod.
/// </summary>
public sealed class ClusterTls : IDisposable
{
    private ClusterTls(X509Certificate2 certificate, X509Certificate2Collection authority) => (Certificate, Authority) = (certificate, authority);

    /// <summary>This process's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA certificates a peer's certificate must chain to.</summary>
    public X509Certificate2Collection Authority { get; }

    /// <summary>
    /// Loads <paramref name="certificate"/> (PEM with the key in it or in <paramref name="key"/>, or PKCS#12 .pfx/.p12 with
    /// the password in ALA_TLS_CERT_PASSWORD) and the CA of <paramref name="authority"/> (PEM, one or more certificates).
    /// </summary>
    /// <exception cref="ArgumentException">One line naming the flag and the file: missing, unreadable, no private key, not issued by the CA.</exception>
    public static ClusterTls Load(string certificate, string? key, string authority, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var ca = new X509Certificate2Collection();
        Read("--tls-ca", authority, () => ca.ImportFromPemFile(authority));
        if (ca.Count == 0)
        {
            throw new ArgumentException($"--tls-ca: {authority} holds no PEM certificate");
        }

        X509Certificate2? own = null;
        var pkcs12 = certificate.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || certificate.EndsWith(".p12", StringComparison.OrdinalIgnoreCase);
        Read(key is null ? "--tls-cert" : "--tls-cert/--tls-key", certificate, () => own = pkcs12
            ? X509CertificateLoader.LoadPkcs12FromFile(certificate, environment("ALA_TLS_CERT_PASSWORD"))
            : X509Certificate2.CreateFromPemFile(certificate, key));
        if (!own!.HasPrivateKey)
        {
            throw new ArgumentException($"--tls-cert: {certificate} has no private key (give it in the file or with --tls-key)");
        }

        var tls = new ClusterTls(own, ca);
        return tls.Trusts(own) ? tls : throw new ArgumentException($"--tls-cert: {certificate} is not issued by the CA of --tls-ca ({authority})");
    }

    /// <summary>True when <paramref name="peer"/> chains to <see cref="Authority"/> (no system roots, no revocation lookup: offline).</summary>
    public bool Trusts(X509Certificate2? peer)
    {
        if (peer is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var ca in Authority)
        {
            ca.Dispose();
        }
    }

    private static void Read(string flag, string path, Action load)
    {
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{flag}: {path} does not exist");
        }

        try
        {
            load();
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The type only: a parser's message may quote what it read.
            throw new ArgumentException($"{flag}: {path} cannot be read as a certificate ({ex.GetType().Name})");
        }
    }
}
