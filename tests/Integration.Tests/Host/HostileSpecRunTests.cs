using System.Net;
using System.Net.Http.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Integration.Tests.Host;

/// <summary>
/// Hostile .wast scripts submitted as a spec run through POST /api/runs: each fails its own task
/// at the action limit (fuel, deadline) instead of holding the service's only runner, and the
/// run goes on to the benign script after them.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class HostileSpecRunTests(ServiceFixture service)
{
    [Fact]
    [Trait("Category", "Slow")] // Two scripts wait out the 10 s action limit.
    public async Task Hostile_scripts_fail_their_tasks_and_the_runner_takes_the_next()
    {
        var testsuite = Directory.CreateDirectory(Path.Combine(service.WorkloadsRoot, "hostile-spec")).FullName;
        File.WriteAllText(Path.Combine(testsuite, "a_fill_loop.wast"), """
            (module (memory 4096)
              (func (export "fill") (loop (memory.fill (i32.const 0) (i32.const 1) (i32.const 268435456)) (br 0))))
            (invoke "fill")
            """);
        File.WriteAllText(Path.Combine(testsuite, "b_grow_loop.wast"), """
            (module (memory 1)
              (func (export "grow") (loop (drop (memory.grow (i32.const 1))) (br 0))))
            (invoke "grow")
            """);
        File.WriteAllText(Path.Combine(testsuite, "c_after.wast"), """
            (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
            """);
        using var client = service.Client();

        var response = await client.PostAsJsonAsync("api/runs", new RunRequest("wasm-2.0", ["interp"], Kind: RunKind.Spec, Testsuite: testsuite), WasmBenchJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<StoredRun>(WasmBenchJson.Options))!;
        var report = await service.WaitForRunAsync(created.Id, TimeSpan.FromMinutes(3));

        Assert.Equal(3, report.Pairs.Count);
        foreach (var hostile in new[] { "a_fill_loop.wast", "b_grow_loop.wast" })
        {
            var spec = Assert.Single(report.Pairs, p => p.Workload == hostile).Spec!;
            Assert.True(spec.Failed == 1, $"{hostile}: {spec.Passed} passed, {spec.Failed} failed");
            Assert.Matches("deadline|timeout|time limit|fuel", Assert.Single(spec.Failures).Message ?? Assert.Single(spec.Failures).Actual);
        }

        var after = Assert.Single(report.Pairs, p => p.Workload == "c_after.wast").Spec!;
        Assert.Equal((2, 0), (after.Passed, after.Failed));
    }
}
