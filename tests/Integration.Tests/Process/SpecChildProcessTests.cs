using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Integration.Tests.Process;

/// <summary>
/// The real `wasmbench serve` runs each interp and Wasmtime spec script in a sandboxed child of its own: a script
/// that allocates memory without end (twelve 1 GiB memories, each filled) exhausts only its child, whose
/// managed heap and data segment are capped, and never the service; a script whose every action waits
/// out its own 10 s limit is stopped at the script's budget; and the runner then takes the next script.
/// Run inside the service, the first script took a CLI process to 24 GB before it died.
/// </summary>
[Trait("Category", "Slow")] // A real service, a script that waits out its 30 s budget, and a child that allocates gigabytes.
[Collection(AloneCollection.Name)] // Its children take gigabytes on purpose: no other test shares the machine's memory with them.
public sealed class SpecChildProcessTests : IDisposable
{
    private const int BudgetSeconds = 30;

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_memory_bomb_or_an_endless_script_fails_its_own_task_and_the_service_keeps_its_memory_and_takes_the_next()
    {
        var testsuite = Directory.CreateDirectory(_dir.File("hostile-spec")).FullName;
        File.WriteAllText(Path.Combine(testsuite, "a_memory_bomb.wast"), string.Concat(Enumerable.Range(0, 12).Select(i => $$"""
            (module $m{{i}} (memory 16384) (func (export "touch") (memory.fill (i32.const 0) (i32.const 1) (i32.const 1073741824))))
            (invoke $m{{i}} "touch")

            """)));
        File.WriteAllText(Path.Combine(testsuite, "b_endless.wast"), "(module (func (export \"spin\") (loop (br 0))))\n"
            + string.Concat(Enumerable.Repeat("(invoke \"spin\")\n", 6)));
        File.WriteAllText(Path.Combine(testsuite, "c_after.wast"), """
            (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
            """);
        var port = WasmbenchProcess.FreePort();
        using var service = WasmbenchProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}", "--db", _dir.File("serve.db"), "--silo-port", "0", "--gateway-port", "0",
            "--no-seed", "--suite-root", _dir.Path, "--spec-script-timeout", BudgetSeconds.ToString(CultureInfo.InvariantCulture)]);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WasmbenchProcess.WaitUntilAsync(async () => await WasmbenchProcess.Answers(client), TimeSpan.FromMinutes(2), "the service did not answer");
            var response = await client.PostAsJsonAsync("api/runs", new RunRequest("wasm-2.0", ["interp", "wasmtime"], Kind: RunKind.Spec, Testsuite: testsuite), WasmBenchJson.Options);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var run = (await response.Content.ReadFromJsonAsync<StoredRun>(WasmBenchJson.Options))!;

            RunReport? report = null;
            await WasmbenchProcess.WaitUntilAsync(async () =>
            {
                report = await client.GetFromJsonAsync<RunReport>($"api/runs/{run.Id}", WasmBenchJson.Options);
                return report!.Run.State is RunState.Completed or RunState.Failed;
            }, TimeSpan.FromMinutes(6), "the run did not finish");

            Assert.False(service.HasExited, "the service died");
            var peak = PeakMemoryBytes(service.Id);
            Assert.True(peak < 3L << 30, $"the service itself reached {peak >> 20} MiB: the memory bomb ran inside it");

            Assert.Equal(6, report!.Pairs.Count);
            foreach (var engine in new[] { "interp", "wasmtime" })
            {
                var bomb = Assert.Single(report.Pairs, p => p.Workload == "a_memory_bomb.wast" && p.EngineId == engine);
                Assert.True(bomb.Error is not null || bomb.Spec is { Failed: > 0 }, $"{engine}: the memory bomb ran to the end: {bomb.Spec?.Passed} passed");

                var endless = Assert.Single(report.Pairs, p => p.Workload == "b_endless.wast" && p.EngineId == engine);
                Assert.True(endless.Spec is null, $"{engine}: the endless script ended by itself: {endless.Spec?.Failed} failed");
                Assert.Contains($"did not finish within its budget of {BudgetSeconds} s", endless.Error ?? "", StringComparison.Ordinal);

                var after = Assert.Single(report.Pairs, p => p.Workload == "c_after.wast" && p.EngineId == engine).Spec!;
                Assert.Equal((2, 0), (after.Passed, after.Failed));
            }
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The process's peak resident memory (VmHWM) so far.</summary>
    private static long PeakMemoryBytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
