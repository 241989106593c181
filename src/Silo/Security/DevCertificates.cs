using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WasmBench.Silo.Security;

/// <summary>
/// Development certificates for a farm: a CA (made once per folder) and node certificates it
/// signs, usable for both ends of a TLS connection. Private keys are written owner-only.
/// </summary>
public static class DevCertificates
{
    public const string CaFile = "ca.pem";
    public const string CaKeyFile = "ca.key";

    /// <summary>Writes <c>{node}.pem</c> and <c>{node}.key</c> (and the CA when the folder has none); returns the files written.</summary>
    public static IReadOnlyList<string> Create(string folder, string node, TimeSpan validity)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var caPath = Path.Combine(folder, CaFile);
        var caKeyPath = Path.Combine(folder, CaKeyFile);
        X509Certificate2 ca;
        if (File.Exists(caPath) && File.Exists(caKeyPath))
        {
            ca = X509Certificate2.CreateFromPemFile(caPath, caKeyPath);
        }
        else
        {
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=WasmBench farm CA", caKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow + validity);
            WriteSecret(caKeyPath, caKey.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(caPath, ca.ExportCertificatePem());
            written.AddRange([caPath, caKeyPath]);
        }

        using (ca)
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var request = new CertificateRequest($"CN={node}", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false)); // server and client authentication
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("wasmbench");
            names.AddDnsName(node);
            request.CertificateExtensions.Add(names.Build());
            var notAfter = DateTimeOffset.UtcNow + validity < ca.NotAfter ? DateTimeOffset.UtcNow + validity : ca.NotAfter.ToUniversalTime();
            using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), notAfter, RandomNumberGenerator.GetBytes(16));
            var certPath = Path.Combine(folder, $"{node}.pem");
            var keyPath = Path.Combine(folder, $"{node}.key");
            File.WriteAllText(certPath, certificate.ExportCertificatePem());
            WriteSecret(keyPath, key.ExportPkcs8PrivateKeyPem());
            written.AddRange([certPath, keyPath]);
        }

        return written;
    }

    private static void WriteSecret(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(pem);
    }
}
