using WasmBench.Silo.Security;

namespace WasmBench.Silo.Api;

/// <summary>
/// Answers only requests whose <c>Host</c> header names this service, so that a web page whose
/// name an attacker re-points at 127.0.0.1 (DNS rebinding) cannot read or drive a service on
/// loopback. A refused request gets 400 with a JSON <see cref="ApiError"/>.
/// </summary>
public sealed class HostGuard : IMiddleware
{
    /// <summary>The names a loopback service answers by default.</summary>
    public static readonly IReadOnlyList<string> LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    private readonly string[] _exact;
    private readonly string[] _suffixes;
    private readonly bool _any;

    public HostGuard(IReadOnlyList<string> allowed)
    {
        Allowed = allowed;
        _any = allowed.Contains("*");
        _exact = [.. allowed.Where(h => !h.StartsWith("*.", StringComparison.Ordinal))];
        _suffixes = [.. allowed.Where(h => h.StartsWith("*.", StringComparison.Ordinal)).Select(h => h[1..])];
    }

    public IReadOnlyList<string> Allowed { get; }

    /// <summary>
    /// The names a service on <paramref name="urls"/> answers unless told otherwise: the loopback
    /// names and every host its URLs name; any name when a URL listens on every address.
    /// </summary>
    public static IReadOnlyList<string> DefaultFor(string urls)
    {
        var hosts = new List<string>(LoopbackNames);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
            host = host.Split('/')[0];
            host = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
            if (host is "*" or "+" or "0.0.0.0" or "[::]" or "")
            {
                return ["*"];
            }

            hosts.Add(host);
        }

        return [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Parses <c>--allowed-hosts</c>: names separated by ';' or ',' (<c>*</c>: any, <c>*.example.org</c>: its subdomains).</summary>
    public static IReadOnlyList<string> Parse(string value) =>
        [.. value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public bool Allows(string host) =>
        _any || (host.Length > 0 && (_exact.Contains(host, StringComparer.OrdinalIgnoreCase)
            || _suffixes.Any(s => host.EndsWith(s, StringComparison.OrdinalIgnoreCase))));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        if (!Allows(host))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new ApiError(
                $"this service does not answer to the host {Quote.Short(host)}; it answers {string.Join(", ", Allowed)} (--allowed-hosts)"));
            return;
        }

        await next(context);
    }
}
