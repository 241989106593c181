using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines.Interp;
using WasmBench.Runners.Engines.Wasmtime;
using WasmBench.Runners.Spec;

namespace WasmBench.Benchmarks;

/// <summary>
/// Full spec runs (wasm-2.0 on Wasmtime and interp, wasm-3.0 on interp), in-process on this node (two scripts at a time, as a
/// runner node does): parse, convert text, compile, instantiate and run every command of 146
/// scripts. Long (~10 s per invocation), so few iterations. The testsuite is found the usual way
/// (WASMBENCH_TESTSUITE, else ../shared/wasm-testsuite next to the repository).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class SpecSuiteBenchmarks
{
    private SpecSuite _suite = null!;
    private IReadOnlyList<SpecScript> _scripts = [];
    private IReadOnlyList<SpecScript> _scriptsWithoutSimd = [];
    private SpecSuite _suite3 = null!;
    private IReadOnlyList<SpecScript> _scripts3 = [];
    private int _knownFailures3;
    private readonly WasmtimeEngine _engine = new();
    private readonly InterpEngine _interp = new();

    [Params(1, 2)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var location = TestsuiteLocator.Locate();
        var path = location.Value?.Path ?? throw new InvalidOperationException(location.Error);
        _suite = SpecSuite.Load("wasm-2.0").Value!;
        _scripts = _suite.ResolveScripts(path);
        _scriptsWithoutSimd = [.. _scripts.Where(s => !s.RelativePath.StartsWith("simd_", StringComparison.Ordinal))];
        _suite3 = SpecSuite.Load("wasm-3.0").Value!;
        _scripts3 = _suite3.ResolveScripts(path);
        _knownFailures3 = KnownFailures.Load("interp").Value!.Entries.Count(e => e.Suite == "wasm-3.0");
    }

    /// <summary>Every wasm-3.0 script (core, custom/ and legacy/) on the interpreter; its failures are exactly the reviewed known ones.</summary>
    [Benchmark]
    public int Wasm3OnInterp()
    {
        var report = SpecSuiteRunner.RunSuite(_interp, _suite3, _scripts3, ConformanceLimits.Default, Parallelism, CancellationToken.None);
        if (report.Failed != _knownFailures3)
        {
            throw new InvalidOperationException($"{report.Failed} failures, {_knownFailures3} known: the benchmark measures the reviewed state");
        }

        return report.Passed;
    }

    /// <summary>The interpreter's target: every non-SIMD wasm-2.0 script (SIMD is its own issue).</summary>
    [Benchmark]
    public int Wasm2WithoutSimdOnInterp()
    {
        var report = SpecSuiteRunner.RunSuite(_interp, _suite, _scriptsWithoutSimd, ConformanceLimits.Default, Parallelism, CancellationToken.None);
        if (report.Failed > 0)
        {
            throw new InvalidOperationException($"{report.Failed} failures: the benchmark measures a conformant run");
        }

        return report.Passed;
    }

    [Benchmark]
    public int Wasm2OnWasmtime()
    {
        var report = SpecSuiteRunner.RunSuite(_engine, _suite, _scripts, ConformanceLimits.Default, Parallelism, CancellationToken.None);
        if (report.Failed > 1)
        {
            throw new InvalidOperationException($"{report.Failed} failures: the benchmark measures a conformant run");
        }

        return report.Passed;
    }
}
