using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Api;

/// <summary>
/// Guards endpoints that change state: with a configured token, callers must send
/// <c>Authorization: Bearer &lt;token&gt;</c>. Serving beyond loopback without a token is refused at
/// start-up (see <see cref="ListenGuard"/>), so a public service never runs unauthenticated.
/// </summary>
public sealed class ApiTokenFilter(HostSettings settings) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (settings.ApiToken is { Length: > 0 } token)
        {
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            var expected = $"Bearer {token}";
            if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(header), System.Text.Encoding.UTF8.GetBytes(expected)))
            {
                return Results.Json(new ApiError("this call needs 'Authorization: Bearer <token>' (the service's WASMBENCH_API_TOKEN)"), statusCode: 401);
            }
        }

        return await next(context);
    }
}
