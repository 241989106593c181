using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Workloads;

namespace WasmBench.Abstractions.Tests.Workloads;

public sealed class WorkloadTests
{
    [Fact]
    public void The_stem_is_argv0_of_the_program()
    {
        var workload = new Workload("fib@small", "/suites/bench/fib", "/suites/bench/fib/benchmark.wasm", ["small"]);

        Assert.Equal("benchmark", workload.Stem);
        Assert.Null(workload.CSourcePath);
    }

    [Fact]
    public void The_one_json_shape_is_camel_case_with_enums_as_strings()
    {
        var json = JsonSerializer.Serialize(new { Verdict = OutputVerdict.Mismatched, Kind = ProcessEventKind.MachineReferenceAfter }, WasmBenchJson.Options);

        Assert.Contains("\"verdict\": \"mismatched\"", json);
        Assert.Contains("\"kind\": \"machineReferenceAfter\"", json);
    }
}
