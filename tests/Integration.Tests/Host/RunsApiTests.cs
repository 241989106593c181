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
    public async Task APostedRunIsMeasuredOnTwoEnginesStoredAndRendered()
    {
        using var client = service.Client();
        var response = await client.PostAsJsonAsync("api/runs", new RunRequestBody("smoke", ["wasmtime", "native"], 2, "it"), WasmBenchJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<RunCreated>(WasmBenchJson.Options);
        Assert.Equal(6, created!.Tasks);

        var report = await service.WaitForRunAsync(created.Id, TimeSpan.FromMinutes(3));

        Assert.Equal(RunState.Completed, report.Run.State);
        Assert.All(report.Tasks, t => Assert.True(t.Error is null, $"{t.Workload} on {t.Engine}: {t.Error}"));
        Assert.All(report.Tasks, t => Assert.Equal(OutputVerdict.Matched, t.Output));

        // The samples are in the SQLite file: wasmtime times 3 phases, native only execution, and
        // every task's process times the machine reference twice.
        var contexts = service.Services.GetRequiredService<IDbContextFactory<WasmBenchDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var samples = await db.Samples.Where(s => db.Tasks.Any(t => t.Id == s.TaskId && t.RunId == created.Id)).ToListAsync();
            Assert.Equal((3 * 3 * 2) + (3 * 1 * 2) + (6 * 2), samples.Count);
            Assert.Equal(6 * 2, samples.Count(s => s.Phase == Phase.Reference));
            Assert.All(samples, s => Assert.True(s.Nanoseconds > 0));
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
    }

    [Fact]
    public async Task AnUnknownEngineIs400WithTheValidChoices()
    {
        using var client = service.Client();
        var response = await client.PostAsJsonAsync("api/runs", new RunRequestBody("quick", ["nosuch"], 1, null), WasmBenchJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<ApiError>(WasmBenchJson.Options);
        // Every available configuration, in order: the Wasmtime tiers and the other families among them.
        var listed = System.Text.RegularExpressions.Regex.Match(error!.Error, "available engines: (.*)$").Groups[1].Value.Split(", ");
        Assert.Subset(listed.ToHashSet(), new HashSet<string> { "interp", "native", "wasmtime", "wasmtime:opt=none", "wasmtime:winch", "wasmtime:pulley" });
        Assert.Equal(listed.Order(), listed);
    }

    [Fact]
    public async Task AnUnknownSuiteIs400WithTheSuites()
    {
        using var client = service.Client();
        var response = await client.PostAsJsonAsync("api/runs", new RunRequestBody("nosuch", null, 1, null), WasmBenchJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("available suites: ", (await response.Content.ReadFromJsonAsync<ApiError>(WasmBenchJson.Options))!.Error);
    }

    [Fact]
    public async Task StartingARunNeedsTheTokenWhenOneIsConfigured()
    {
        using var anonymous = service.Client(authenticated: false);
        var before = (await anonymous.GetFromJsonAsync<List<RunSummary>>("api/runs", WasmBenchJson.Options))!.Count;

        var response = await anonymous.PostAsJsonAsync("api/runs", new RunRequestBody("smoke", ["wasmtime"], 1, null), WasmBenchJson.Options);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var after = (await anonymous.GetFromJsonAsync<List<RunSummary>>("api/runs", WasmBenchJson.Options))!.Count;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task AMissingRunIs404()
    {
        using var client = service.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/runs/987654")).StatusCode);
    }
}
