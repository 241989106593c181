using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Api;
using WasmBench.Silo.Storage;

namespace WasmBench.Integration.Tests.Host;

[Collection(ServiceCollection.Name)]
public sealed class RunsApiTests(ServiceFixture service)
{
    [Fact]
    public async Task A_posted_run_is_measured_on_two_engines_stored_and_rendered()
    {
        using var client = service.Client();
        var response = await client.PostAsJsonAsync("api/runs", new RunRequest("smoke", ["wasmtime", "native"], 2, "it"), WasmBenchJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<StoredRun>(WasmBenchJson.Options);
        Assert.Equal(6, created!.TotalTasks);
        Assert.Equal($"/api/runs/{created.Id}", response.Headers.Location?.OriginalString);

        var report = await service.WaitForRunAsync(created.Id, TimeSpan.FromMinutes(3));

        Assert.Equal(RunState.Completed, report.Run.State);
        Assert.Equal(6, report.Pairs.Count);
        Assert.All(report.Pairs, t => Assert.True(t.Error is null, $"{t.Workload} on {t.Engine}: {t.Error}"));
        Assert.All(report.Pairs, t => Assert.Equal(OutputVerdict.Matched, t.Output));

        // The samples are in the SQLite file: wasmtime times 3 phases, native only execution; and
        // every task's process times the machine reference twice, as events of the process.
        var contexts = service.Services.GetRequiredService<IDbContextFactory<WasmBenchDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var samples = await db.Samples.Where(s => db.Tasks.Any(t => t.Id == s.TaskId && t.RunId == created.Id)).ToListAsync();
            var events = await db.ProcessEvents.Where(e => db.Tasks.Any(t => t.Id == e.TaskId && t.RunId == created.Id)).ToListAsync();
            Assert.Equal((3 * 3 * 2) + (3 * 1 * 2), samples.Count);
            Assert.Equal(6 * 2, events.Count);
            Assert.All(samples, s => Assert.True(s.Nanoseconds > 0));
            Assert.All(events, e => Assert.True(e.Nanoseconds > 0));
        }

        using var page = await client.GetAsync($"runs/{created.Id}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<svg", html);
        foreach (var workload in new[] { "fib@small", "nbody@small", "sieve@small" })
        {
            Assert.Contains(workload, html);
        }

        Assert.Contains("native", html);
        Assert.Contains("wasmtime", html);

        // What the page shows comes from the same statistics the API serves and compare computes.
        var statistics = await client.GetFromJsonAsync<StatisticsView>($"api/runs/{created.Id}/statistics", WasmBenchJson.Options);
        Assert.Equal(6, statistics!.Pairs.Count);
        Assert.All(statistics.Pairs, p => Assert.True(p.Execution is { Count: 2 } && p.Ratio is not null, $"{p.Workload} on {p.Engine}"));
        Assert.Contains(Analysis.Reports.ReportFormat.Duration(statistics.Pairs[0].Execution!.Median), html);
        using var compare = await client.GetAsync($"api/compare/{created.Id}/{created.Id}?phase=all");
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        Assert.Contains("\"format\": \"wasmbench-compare/1\"", await compare.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"api/compare/{created.Id}/no-such-label")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"api/compare/{created.Id}/{created.Id}?threshold=lots")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_engine_is_400_with_the_valid_choices()
    {
        using var client = service.Client();
        var response = await client.PostAsJsonAsync("api/runs", new RunRequest("quick", ["nosuch"], 1), WasmBenchJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<ApiError>(WasmBenchJson.Options);
        // Every available configuration, in order: the Wasmtime tiers and the other families among them.
        var listed = System.Text.RegularExpressions.Regex.Match(error!.Error, "available engines: (.*)$").Groups[1].Value.Split(", ");
        Assert.Subset(listed.ToHashSet(), new HashSet<string> { "interp", "native", "wasmtime", "wasmtime:opt=none", "wasmtime:winch", "wasmtime:pulley" });
        Assert.Equal(listed.Order(), listed);
    }

    [Fact]
    public async Task An_unknown_suite_is_400_with_the_suites()
    {
        using var client = service.Client();
        var response = await client.PostAsJsonAsync("api/runs", new { suite = "nosuch", iterations = 1 }, WasmBenchJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("available suites: ", (await response.Content.ReadFromJsonAsync<ApiError>(WasmBenchJson.Options))!.Error);
    }

    [Fact]
    public async Task Starting_a_run_needs_the_token_when_one_is_configured()
    {
        using var anonymous = service.Client(authenticated: false);
        var before = (await anonymous.GetFromJsonAsync<List<StoredRun>>("api/runs", WasmBenchJson.Options))!.Count;

        var response = await anonymous.PostAsJsonAsync("api/runs", new RunRequest("smoke", ["wasmtime"], 1), WasmBenchJson.Options);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var after = (await anonymous.GetFromJsonAsync<List<StoredRun>>("api/runs", WasmBenchJson.Options))!.Count;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_missing_run_is_404()
    {
        using var client = service.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/runs/987654")).StatusCode);
    }
}
