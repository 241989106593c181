using System.Security.Cryptography;
using System.Text;

namespace WasmBench.Silo.Security;

/// <summary>
/// Guards the Orleans dashboard under <c>/orleans</c> with the API's token whenever one is set
/// (always when the service listens beyond loopback): <c>Authorization: Bearer &lt;token&gt;</c>, or
/// HTTP Basic with the token as the password (any user name), so a browser asks for it once.
/// </summary>
public static class DashboardGuard
{
    public const string Realm = "WasmBench (the password is WASMBENCH_API_TOKEN)";

    public static bool Accepts(string? authorization, string token)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return false;
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Same(authorization["Bearer ".Length..].Trim(), token);
        }

        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 && Same(pair[(colon + 1)..], token);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The middleware: 401 with a Basic challenge unless the request carries the token.</summary>
    public static RequestDelegate Guard(RequestDelegate next, string token) => async context =>
    {
        if (Accepts(context.Request.Headers.Authorization, token))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
        await context.Response.WriteAsync("The Orleans dashboard needs the service's token: 'Authorization: Bearer <token>', or any user name with the token as password (WASMBENCH_API_TOKEN).\n");
    };

    private static bool Same(string given, string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));
}
