using System.Net.Http.Json;
using Microsoft.Playwright;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Integration.Tests.Host;
using WasmBench.Silo.Api;

namespace WasmBench.Integration.Tests.Browser;

/// <summary>The dashboard in Debian's Chromium, driven by Playwright (never a downloaded browser).</summary>
[Collection(ServiceCollection.Name)]
public sealed class DashboardBrowserTests(ServiceFixture service)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium package (.ci/run does)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    [Fact]
    public async Task The_runs_page_updates_live_and_leads_to_the_chart()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();

        using var client = service.Client();
        var response = await client.PostAsJsonAsync("api/runs", new RunRequest("smoke", ["wasmtime"], 3, "browser"), WasmBenchJson.Options);
        var created = (await response.Content.ReadFromJsonAsync<StoredRun>(WasmBenchJson.Options))!;

        // Open the list while the run may still be going: the interactive page must reach
        // "Completed" by itself, without a reload.
        await page.GotoAsync(service.BaseAddress.ToString());
        var row = page.Locator($"tr[data-run='{created.Id}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await service.WaitForRunAsync(created.Id, TimeSpan.FromMinutes(2));
        await Assertions.Expect(row.Locator("td.state")).ToHaveTextAsync("Completed", new() { Timeout = 15_000 });

        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/runs/{created.Id}");
        var chart = page.Locator("#run-chart svg");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 100 }, $"the chart should be drawn at a readable size, was {box?.Width}x{box?.Height}");
        await Assertions.Expect(page.Locator("#results tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync("fib@small");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"wasmbench-run-{created.Id}.png"), FullPage = true });
    }
}
