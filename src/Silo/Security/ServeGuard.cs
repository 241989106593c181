using WasmBench.Silo.Api;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Security;

/// <summary>
/// The start-up guard of `wasmbench serve`: nothing listens beyond loopback unauthenticated. The
/// HTTP API beyond loopback needs a bearer token; Orleans endpoints beyond loopback need mutual TLS.
/// </summary>
public static class ServeGuard
{
    /// <summary>Null when the settings may start; else why not (what to set).</summary>
    public static string? Check(string urls, string? token, string? redis, ClusterListen listen, ClusterTls? tls, string tokenVariable)
    {
        if (!ListenGuard.IsLoopbackOnly(urls) && string.IsNullOrEmpty(token))
        {
            return $"--urls {Quote.Short(urls)} reaches beyond loopback: set {tokenVariable} so that mutating API calls need a bearer token.";
        }

        if (!listen.IsLoopback && redis is null)
        {
            return $"--cluster-listen {listen} needs --redis: development clustering listens on loopback only.";
        }

        if (!listen.IsLoopback && tls is null)
        {
            return $"--cluster-listen {listen} opens the Orleans silo and gateway ports beyond loopback: give --tls-cert, --tls-key and --tls-ca (e.g. from 'wasmbench certs', see docs/farm.md) so that every silo and client authenticates with mutual TLS.";
        }

        if (tls is not null && tls.TryLoad(out var error) is null)
        {
            return error;
        }

        return null;
    }
}
