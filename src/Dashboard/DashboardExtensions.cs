using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WasmBench.Dashboard.Components;

namespace WasmBench.Dashboard;

/// <summary>Adds the dashboard (Blazor, interactive server rendering) to a web host.</summary>
public static class DashboardExtensions
{
    public static IServiceCollection AddWasmBenchDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        return services;
    }

    public static WebApplication MapWasmBenchDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
