using WasmBench.Abstractions.Results;
using WasmBench.Silo.Storage;

namespace WasmBench.Integration.Tests.Host;

/// <summary>A suite folder of two WASI workloads built from text: <c>passes</c> prints "ok", <c>traps</c> hits <c>unreachable</c>.</summary>
public static class TinySuite
{
    private const string Passing = """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "ok\n")
          (func (export "_start")
            (i32.store (i32.const 0) (i32.const 16))
            (i32.store (i32.const 4) (i32.const 3))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
        """;

    private const string Trapping = """(module (memory (export "memory") 1) (func (export "_start") unreachable))""";

    /// <summary>Writes the suite into <paramref name="folder"/>; its full path.</summary>
    public static string Create(string folder)
    {
        var suite = Directory.CreateDirectory(folder).FullName;
        Workload(suite, "passes", Passing, "ok\n");
        Workload(suite, "traps", Trapping, null);
        return suite;
    }

    /// <summary>Polls the store until the run has finished (bounded: a stuck run fails the test).</summary>
    public static async Task<StoredRun> WaitForRunAsync(IResultStore store, long runId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var run = await store.GetRunAsync(runId, CancellationToken.None);
            if (run!.IsFinished)
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} did not finish: {run.FinishedTasks}/{run.TotalTasks} tasks");
            await Task.Delay(200);
        }
    }

    private static void Workload(string suite, string name, string wat, string? expected)
    {
        var folder = Directory.CreateDirectory(Path.Combine(suite, name)).FullName;
        File.WriteAllBytes(Path.Combine(folder, "benchmark.wasm"), Wasmtime.Module.ConvertText(wat));
        if (expected is not null)
        {
            File.WriteAllText(Path.Combine(folder, "default.stdout.expected"), expected);
        }
    }
}
