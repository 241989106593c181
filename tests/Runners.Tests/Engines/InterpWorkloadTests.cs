using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Interp;
using WasmBench.Runners.Workloads;
using Xunit.Abstractions;

namespace WasmBench.Runners.Tests.Engines;

/// <summary>Every workload of suites/bench at size <c>small</c> on the interpreter, checked against its expected stdout.</summary>
public sealed class InterpWorkloadTests
{
    private const string Size = "small";

    public static TheoryData<WorkloadCase> Workloads()
    {
        var data = new TheoryData<WorkloadCase>();
        var bench = BenchFolder();
        foreach (var dir in bench is null || !Directory.Exists(bench) ? Enumerable.Empty<string>() : Directory.EnumerateDirectories(bench).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "benchmark.wasm")) && File.Exists(Path.Combine(dir, $"{Size}.stdout.expected")))
            {
                data.Add(new WorkloadCase { Name = Path.GetFileName(dir) });
            }
        }

        // A missing suites folder must fail, not pass with no cases.
        if (data.Count == 0)
        {
            data.Add(new WorkloadCase { Name = "(suites/bench not found)" });
        }

        return data;
    }

    private static string? BenchFolder() => SuitesRoot.Locate() is { } root ? Path.Combine(root, "bench") : null;

    [Theory]
    [MemberData(nameof(Workloads))]
    public async Task Workload_output_matches_the_expected_stdout(WorkloadCase c)
    {
        var bench = BenchFolder();
        Assert.True(bench is not null && Directory.Exists(Path.Combine(bench, c.Name)), $"workload folder for {c} not found (suites root: {bench ?? "none"})");
        var dir = Path.Combine(bench!, c.Name);
        var workload = new Workload(c.Name, dir, Path.Combine(dir, "benchmark.wasm"), [Size], null, null, null);

        var outcome = await new InterpEngine().RunAsync(workload, new BenchmarkSettings(1, TimeSpan.FromMinutes(2)), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, $"{Size}.stdout.expected")), outcome.Stdout);
    }

    /// <summary>A test case whose display text is <c>interp/{workload}</c>.</summary>
    public sealed class WorkloadCase : IXunitSerializable
    {
        public string Name { get; set; } = "";

        public void Deserialize(IXunitSerializationInfo info) => Name = info.GetValue<string>(nameof(Name));

        public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Name), Name);

        public override string ToString() => $"interp/{Name}";
    }
}
