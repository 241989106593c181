using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace WasmBench.Silo.Security;

/// <summary>
/// Mutual TLS between the silos and clients of a farm: every node presents a certificate issued
/// by the farm's CA and accepts only peers whose certificate chains to that CA (names are not
/// checked: nodes reach each other by address). PEM files, e.g. made by `wasmbench certs`.
/// </summary>
/// <param name="CertificatePath">This node's certificate (PEM).</param>
/// <param name="KeyPath">Its private key (PEM).</param>
/// <param name="CaPath">The farm's CA certificate (PEM): the only issuer a peer may have.</param>
public sealed record ClusterTls(string CertificatePath, string KeyPath, string CaPath)
{
    /// <summary>Loads the files; a failure names the file and why, never its contents.</summary>
    public LoadedClusterTls? TryLoad(out string? error)
    {
        foreach (var path in new[] { CertificatePath, KeyPath, CaPath })
        {
            if (!File.Exists(path))
            {
                error = $"TLS file not found: {Quote.Short(path)}";
                return null;
            }
        }

        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath);
            var ca = X509CertificateLoader.LoadCertificateFromFile(CaPath);
            error = null;
            return new LoadedClusterTls(certificate, ca);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            error = $"cannot load the TLS certificate {Quote.Short(CertificatePath)} with key {Quote.Short(KeyPath)} and CA {Quote.Short(CaPath)}: {e.GetType().Name}";
            return null;
        }
    }
}

/// <summary>A node's certificate and the farm's CA, ready for Orleans.</summary>
public sealed record LoadedClusterTls(X509Certificate2 Certificate, X509Certificate2 Ca)
{
    /// <summary>Requires a peer certificate on every connection (silo-to-silo and client-to-gateway).</summary>
    public void Configure(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = IsIssuedByCa;
        options.OnAuthenticateAsClient = (_, client) => client.TargetHost = "wasmbench";
    }

    /// <summary>True when the peer's certificate chains to the farm's CA, and to nothing else.</summary>
    public bool IsIssuedByCa(X509Certificate2 certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var own = new X509Chain();
        own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        own.ChainPolicy.CustomTrustStore.Add(Ca);
        own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            own.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        return own.Build(certificate) && own.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(Ca.RawDataMemory.Span);
    }
}
