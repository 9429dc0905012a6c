using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AdaptiveLoss.Cli.Tests.Deploy;

/// <summary>
/// A private CA and the certificates it issues, made in-process (never with a network) and written as PEM files, as
/// deploy/certs/make-dev-ca.sh writes them with openssl: <c>NAME.pem</c> (certificate) and <c>NAME.key</c> (PKCS#8 key).
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly X509Certificate2 _ca;

    /// <summary>A CA named <paramref name="name"/> whose files go into <paramref name="folder"/>.</summary>
    public TestCertificates(string folder, string name)
    {
        Folder = folder;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        AuthorityFile = Path.Combine(folder, $"{name}-ca.pem");
        File.WriteAllText(AuthorityFile, _ca.ExportCertificatePem());
    }

    /// <summary>Where the files are written.</summary>
    public string Folder { get; }

    /// <summary>The CA certificate (PEM), for <c>--tls-ca</c>.</summary>
    public string AuthorityFile { get; }

    /// <summary>Issues a certificate for server and client authentication (127.0.0.1, localhost); returns (certificate file, key file).</summary>
    public (string Certificate, string Key) Issue(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var issued = request.Create(_ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(16));
        var (certificate, keyFile) = (Path.Combine(Folder, $"{name}.pem"), Path.Combine(Folder, $"{name}.key"));
        File.WriteAllText(certificate, issued.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certificate, keyFile);
    }

    public void Dispose() => _ca.Dispose();
}
