using System.Net;
using System.Net.Http.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Api;

namespace WasmBench.Integration.Tests.Host;

/// <summary>Spec testsuites as runs of the service: one task per (script, engine), results stored per file.</summary>
[Collection(ServiceCollection.Name)]
public sealed class SpecRunsApiTests(ServiceFixture service)
{
    [Fact]
    public async Task A_spec_run_stores_every_scripts_outcome()
    {
        using var client = service.Client();
        var body = new RunRequest("wasm-2.0", ["wasmtime"], Label: "spec-it", Kind: RunKind.Spec, Filter: "i*.wast");
        var response = await client.PostAsJsonAsync("api/runs", body, WasmBenchJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<StoredRun>(WasmBenchJson.Options))!;

        var report = await service.WaitForRunAsync(created.Id, TimeSpan.FromMinutes(2));

        Assert.Equal(RunKind.Spec, report.Run.Kind);
        Assert.Equal(created.TotalTasks, report.Pairs.Count);
        var i32 = Assert.Single(report.Pairs, t => t.Workload == "i32.wast");
        Assert.NotNull(i32.Spec);
        Assert.True(i32.Spec.Passed > 300, $"i32.wast passed only {i32.Spec.Passed} commands");
        Assert.Equal(0, i32.Spec.Failed);
        Assert.All(report.Pairs, t => Assert.StartsWith("i", t.Workload, StringComparison.Ordinal));

        var html = await client.GetStringAsync($"runs/{created.Id}");
        Assert.Contains("id=\"spec-totals\"", html);
        Assert.Contains($"{report.Pairs.Sum(t => t.Spec!.Passed)}</td>", html);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_is_400()
    {
        using var client = service.Client();
        var body = new RunRequest("wasm-2.0", ["wasmtime"], Kind: RunKind.Spec, Filter: "no-such-script-*.wast");
        var response = await client.PostAsJsonAsync("api/runs", body, WasmBenchJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-script-*.wast", (await response.Content.ReadFromJsonAsync<ApiError>(WasmBenchJson.Options))!.Error);
    }
}
