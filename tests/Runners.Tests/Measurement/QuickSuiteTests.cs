using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Engines.Wasmtime;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Workloads;
using Xunit.Abstractions;

namespace WasmBench.Runners.Tests.Measurement;

/// <summary>The first workloads of the repository's <c>quick.suite</c> on wasmtime and native, output checked.</summary>
public sealed class QuickSuiteTests : IDisposable
{
    /// <summary>How many of quick.suite's workloads to run (fib, nbody, sieve come first).</summary>
    private const int FirstWorkloads = 3;

    private static readonly string[] Engines = ["wasmtime", "native"];

    private readonly TempFolder _cache = new();

    public void Dispose() => _cache.Dispose();

    public static TheoryData<EngineWorkloadCase> Cases()
    {
        var data = new TheoryData<EngineWorkloadCase>();
        var suite = SuiteLoader.FromEnvironment().Load("quick");
        // A missing or broken suite still yields cases, so the tests fail with the reason instead of vanishing.
        var names = suite.Succeeded ? suite.Value!.Take(FirstWorkloads).Select(w => w.Name) : ["fib@small"];
        foreach (var engine in Engines)
        {
            foreach (var name in names)
            {
                data.Add(new EngineWorkloadCase(engine, name));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Runs_with_the_expected_output(EngineWorkloadCase @case)
    {
        var suite = SuiteLoader.FromEnvironment().Load("quick");
        Assert.True(suite.Succeeded, $"quick.suite did not load ({suite.Error}); run from the repository or set {SuitesRoot.EnvironmentVariable}");
        var workload = Assert.Single(suite.Value!, w => w.Name == @case.Workload);
        IBenchmarkEngine engine = @case.Engine == "native"
            ? new NativeEngine(new NativeEngineOptions(CacheDirectory: _cache.Path))
            : new WasmtimeEngine();

        var result = await new WorkloadRunner().RunAsync(workload, engine, new BenchmarkSettings(2, TimeSpan.FromMinutes(1)), CancellationToken.None);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(OutputVerdict.Matched, result.StdoutVerdict);
        Assert.Equal(2, result.Iterations.Count);
    }
}

/// <summary>One data-driven case, displayed as <c>{engine}/{workload}</c>.</summary>
public sealed class EngineWorkloadCase : IXunitSerializable
{
    public EngineWorkloadCase()
    {
    }

    public EngineWorkloadCase(string engine, string workload) => (Engine, Workload) = (engine, workload);

    public string Engine { get; private set; } = "";

    public string Workload { get; private set; } = "";

    public void Deserialize(IXunitSerializationInfo info) =>
        (Engine, Workload) = (info.GetValue<string>(nameof(Engine)), info.GetValue<string>(nameof(Workload)));

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Engine), Engine);
        info.AddValue(nameof(Workload), Workload);
    }

    public override string ToString() => $"{Engine}/{Workload}";
}
