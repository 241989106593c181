using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Integration.Tests.Host;
using WasmBench.Silo.Api;
using WasmBench.Silo.Storage;

namespace WasmBench.Integration.Tests.Browser;

/// <summary>The real host over a SQLite file seeded with a history (its own, so no other test sees it).</summary>
public sealed class SeededServiceFixture : IAsyncLifetime
{
    public ServiceFixture Service { get; } = new();

    public SeededHistory History { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Service.InitializeAsync();
        History = await SeededHistory.WriteAsync(Service.Services.GetRequiredService<IResultStore>());
    }

    public Task DisposeAsync() => Service.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SeededServiceCollection : ICollectionFixture<SeededServiceFixture>
{
    public const string Name = "seeded service";
}

/// <summary>
/// Every view of the dashboard in Debian's Chromium against the real host with a seeded history.
/// Waits only on explicit conditions with generous timeouts (CI runs this beside other heavy suites on 2 cores).
/// Each page's screenshot is saved under the test output's screenshots/ folder (an artifact, never committed).
/// </summary>
[Collection(SeededServiceCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DashboardViewsBrowserTests(SeededServiceFixture fixture) : IAsyncLifetime
{
    private const float Timeout = 120_000;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    private static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DashboardBrowserTests.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        _page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        _page.SetDefaultTimeout(Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private Task<IResponse?> OpenAsync(string path) => _page.GotoAsync(fixture.Service.BaseAddress + path, new() { Timeout = Timeout });

    private Task ShotAsync(string name) => _page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}.png") });

    [Fact]
    public async Task The_run_page_charts_every_engine_with_its_legend_and_answers_404_for_a_missing_run()
    {
        var run = fixture.History.BenchmarkRuns[^1];

        await OpenAsync($"runs/{run}");

        var legend = _page.Locator("#run-chart svg text");
        foreach (var engine in SeededHistory.Engines)
        {
            await Assertions.Expect(legend.GetByText(engine, new() { Exact = true })).ToHaveCountAsync(1);
        }

        await Assertions.Expect(_page.Locator("#results tbody tr")).ToHaveCountAsync(SeededHistory.Workloads.Length * SeededHistory.Engines.Length);
        await Assertions.Expect(_page.Locator("#summary tbody tr")).ToHaveCountAsync(SeededHistory.Engines.Length);
        await Assertions.Expect(_page.Locator("#baseline")).ToHaveValueAsync("native");
        await ShotAsync("run");

        // Controls answer once the page is interactive (its circuit connected), not while it is only prerendered.
        await Assertions.Expect(_page.Locator("main[data-interactive='yes']")).ToHaveCountAsync(1);
        // A change made while the circuit is still wiring its handlers can be lost under load (a CI run
        // waited 120 s for a navigation that never came): choose again until the page follows.
        for (var attempt = 1; ; attempt++)
        {
            await _page.Locator("#phase").SelectOptionAsync("compilation");
            try
            {
                await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("phase=compilation"), new() { Timeout = 20_000 });
                break;
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException && attempt < 6)
            {
                await _page.Locator("#phase").SelectOptionAsync("execution");
            }
        }

        await Assertions.Expect(_page.Locator("#run-chart svg text").GetByText("median compilation time, times native (log scale)")).ToHaveCountAsync(1);

        using var client = fixture.Service.Client(authenticated: false);
        var missing = await client.GetAsync("runs/999999");
        var body = await missing.Content.ReadAsStringAsync();
        Assert.True(missing.StatusCode == System.Net.HttpStatusCode.NotFound, $"{missing.StatusCode}: {body}");
        Assert.Contains("There is nothing at this address", body);
    }

    [Fact]
    public async Task The_trends_page_marks_the_planted_change_point_between_the_runs_either_side()
    {
        await OpenAsync($"trends?workload={Uri.EscapeDataString(SeededHistory.StepWorkload)}&engine={SeededHistory.StepEngine}&label={SeededHistory.Label}");

        await Assertions.Expect(_page.Locator("#trend-chart svg")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#trend-chart svg text").GetByText("change point")).ToHaveCountAsync(1);
        var change = _page.Locator("#changes tbody tr");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change.Locator("a").Nth(1)).ToHaveAttributeAsync("href", $"runs/{fixture.History.StepRun}");
        await ShotAsync("trends");
    }

    [Fact]
    public async Task The_compare_page_finds_the_step_as_a_significant_slowdown_first()
    {
        var history = fixture.History;
        await OpenAsync($"compare?baseline={history.StepRun - 1}&candidate={history.StepRun}");

        var first = _page.Locator("#comparison tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync(SeededHistory.StepWorkload);
        await Assertions.Expect(first.Locator("td.verdict")).ToHaveTextAsync("slower");
        await Assertions.Expect(_page.Locator("#geomean tbody tr")).ToHaveCountAsync(1);
        await ShotAsync("compare");
    }

    [Fact]
    public async Task A_conformance_drill_down_reaches_a_failing_assertion_and_the_diff_shows_it_newly_passing()
    {
        var history = fixture.History;
        await OpenAsync($"conformance?run={history.SpecBefore}");

        var cell = _page.Locator("td[data-engine='interp'][data-group='float']");
        await Assertions.Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("failed"));
        await Assertions.Expect(_page.Locator("td[data-engine='interp'][data-group='SIMD']")).ToContainTextAsync("unsupported");
        await ShotAsync("conformance");
        await Assertions.Expect(_page.Locator("main[data-interactive='yes']")).ToHaveCountAsync(1);
        await cell.Locator("a").ClickAsync();
        await _page.Locator("#scripts a", new() { HasText = "f32.wast" }).ClickAsync();
        await Assertions.Expect(_page.Locator("#assertions tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(_page.Locator("#assertions")).ToContainTextAsync("1000");
        await Assertions.Expect(_page.Locator("#assertions")).ToContainTextAsync("canonical NaN");
        await Assertions.Expect(_page.Locator("#assertions td.unexpected")).ToHaveCountAsync(2);
        await ShotAsync("conformance-assertions");

        await OpenAsync($"conformance?run={history.SpecAfter}&diff={history.SpecBefore}");
        await Assertions.Expect(_page.Locator("#newly-passing tbody tr")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task The_nodes_page_lists_this_silo()
    {
        await OpenAsync("nodes");

        await Assertions.Expect(_page.Locator("#nodes tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(_page.Locator("#nodes")).ToContainTextAsync("Active");
        await ShotAsync("nodes");
    }

    [Fact]
    public async Task A_run_page_opened_while_the_run_executes_reaches_its_end_without_a_reload()
    {
        using var client = fixture.Service.Client();
        var response = await client.PostAsJsonAsync("api/runs", new RunRequest("smoke", ["wasmtime"], 3, "live", Processes: 2), WasmBenchJson.Options);
        var created = (await response.Content.ReadFromJsonAsync<StoredRun>(WasmBenchJson.Options))!;

        await OpenAsync($"runs/{created.Id}");

        await Assertions.Expect(_page.Locator("#run-state")).ToHaveTextAsync("Completed");
        await Assertions.Expect(_page.Locator(".count").First).ToContainTextAsync($"{created.TotalTasks}/{created.TotalTasks} tasks");
        await Assertions.Expect(_page.Locator("#run-chart svg")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#partial")).ToHaveCountAsync(0);
    }
}
