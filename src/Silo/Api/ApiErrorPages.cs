using WasmBench.Silo.Security;

namespace WasmBench.Silo.Api;

/// <summary>
/// Gives a JSON <see cref="ApiError"/> body to every error answer that has none: any 400 (a query
/// parameter that does not parse, a body that cannot be read), and every 4xx or 5xx under /api
/// (a route that does not exist, a method it does not take).
/// </summary>
public static class ApiErrorPages
{
    public static IApplicationBuilder UseApiErrorPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            if (status != StatusCodes.Status400BadRequest && !http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                return;
            }

            var path = Quote.Short(http.Request.Path.Value);
            var error = status switch
            {
                StatusCodes.Status400BadRequest => $"{http.Request.Method} {path}: the request is malformed (a parameter or the body could not be read)",
                StatusCodes.Status404NotFound => $"{http.Request.Method} {path}: there is no such API endpoint",
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} {path}: this endpoint does not take {http.Request.Method}",
                StatusCodes.Status413PayloadTooLarge => $"{http.Request.Method} {path}: the body is too large",
                StatusCodes.Status415UnsupportedMediaType => $"{http.Request.Method} {path}: the body must be JSON (Content-Type: application/json)",
                _ => $"{http.Request.Method} {path}: failed with status {status}",
            };
            await http.Response.WriteAsJsonAsync(new ApiError(error));
        });
}
