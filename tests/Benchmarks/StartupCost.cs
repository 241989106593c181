using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;

namespace WasmBench.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/Benchmarks -- --startup-cost`: what BenchmarkDotNet's
/// in-process engine would cost each measuring child beside WasmBench's own loop, for the same
/// work (1 warm-up + 10 iterations, each compiling, instantiating and running a ~10 ms Wasmtime
/// module), as docs/statistics.md asks before choosing. Each mode runs in fresh processes (the
/// situation of a child), the modes alternate over the rounds so machine drift hits them alike,
/// and "empty" (start the process, do nothing) separates .NET's own start-up from the loop.
/// </summary>
public static class StartupCost
{
    public const string Flag = "--startup-cost";
    private const string ChildFlag = "--startup-cost-child";
    private const int Rounds = 7;
    private const int Iterations = 10;

    // About 3 * 10^7 dependent additions: some 10 ms of Cranelift code, like a small workload.
    private const string Wat = """
        (module (func (export "run") (result i32) (local i32)
          (loop (local.set 0 (i32.add (local.get 0) (i32.const 1))) (br_if 0 (i32.ne (local.get 0) (i32.const 30000000))))
          (local.get 0)))
        """;

    private static readonly Lazy<(global::Wasmtime.Engine Engine, byte[] Bytes)> Wasm = new(() => (new global::Wasmtime.Engine(), global::Wasmtime.Module.ConvertText(Wat)));

    public static int Run(string[] args)
    {
        if (args is [ChildFlag, var childMode])
        {
            return Child(childMode);
        }

        string[] modes = ["empty", "own-loop", "benchmarkdotnet"];
        var times = modes.ToDictionary(m => m, _ => new List<double>());
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var mode in modes)
            {
                var elapsed = RunChild(mode);
                times[mode].Add(elapsed);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}/{Rounds}: {mode,-16} {elapsed,7:F0} ms"));
            }
        }

        var median = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        Console.WriteLine();
        Console.WriteLine("median wall time of a fresh process, 1 warm-up + 10 iterations:");
        foreach (var mode in modes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mode,-16} {median[mode],7:F0} ms  (beyond an empty process: {median[mode] - median["empty"],6:F0} ms)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BenchmarkDotNet's engine costs {median["benchmarkdotnet"] - median["own-loop"]:F0} ms more per process than the own loop ({median["benchmarkdotnet"] / median["own-loop"]:F2}x)."));
        return 0;
    }

    /// <summary>One iteration as the engines time it: compile, instantiate, run.</summary>
    public static int OneIteration()
    {
        var (engine, bytes) = Wasm.Value;
        using var module = global::Wasmtime.Module.FromBytes(engine, "loop", bytes);
        using var store = new global::Wasmtime.Store(engine);
        using var linker = new global::Wasmtime.Linker(engine);
        var instance = linker.Instantiate(store, module);
        return (int)instance.GetFunction("run")!.Invoke()!;
    }

    private static double RunChild(string mode)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(StartupCost).Assembly.Location);
        }

        info.ArgumentList.Add(ChildFlag);
        info.ArgumentList.Add(mode);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        return process.ExitCode == 0 ? watch.Elapsed.TotalMilliseconds : throw new InvalidOperationException($"the {mode} child exited {process.ExitCode}");
    }

    private static int Child(string mode)
    {
        switch (mode)
        {
            case "empty":
                return 0;
            case "own-loop":
                var sum = 0;
                for (var i = 0; i < 1 + Iterations; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    sum += OneIteration();
                    _ = Stopwatch.GetElapsedTime(t0);
                }

                return sum == (1 + Iterations) * 30000000 ? 0 : 1;
            case "benchmarkdotnet":
                var job = new Job("child").WithToolchain(InProcessNoEmitToolchain.Instance)
                    .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(Iterations).WithInvocationCount(1).WithUnrollFactor(1);
                var summary = BenchmarkRunner.Run<OneWorkload>(ManualConfig.CreateMinimumViable().AddJob(job).WithOptions(ConfigOptions.DisableLogFile));
                return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
            default:
                return 2;
        }
    }
}

/// <summary>The work of <see cref="StartupCost"/> as a BenchmarkDotNet benchmark.</summary>
public class OneWorkload
{
    [Benchmark]
    public int Iteration() => StartupCost.OneIteration();
}
