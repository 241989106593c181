using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Tests.Runs;

/// <summary>The request is also the body of POST /api/runs: what a body leaves out takes the request's defaults.</summary>
public sealed class RunRequestTests
{
    [Fact]
    public void A_body_with_only_a_suite_is_a_request_with_the_defaults()
    {
        var request = JsonSerializer.Deserialize<RunRequest>("""{"suite":"quick"}""", WasmBenchJson.Options)!.Normalized();

        Assert.Equal(new RunRequest("quick", request.Engines), request);
        Assert.Empty(request.Engines);
        Assert.Equal(RunRequest.DefaultIterations, request.Iterations);
        Assert.Equal(1, request.Processes);
        Assert.Equal(0, request.Warmup);
        Assert.Equal(RunKind.Benchmark, request.Kind);
    }

    [Fact]
    public void A_blank_label_is_none_and_a_spec_body_reads_its_kind_by_name()
    {
        var request = JsonSerializer.Deserialize<RunRequest>("""{"suite":"wasm-2.0","kind":"spec","label":"  ","filter":"i*.wast"}""", WasmBenchJson.Options)!.Normalized();

        Assert.Null(request.Label);
        Assert.Equal(RunKind.Spec, request.Kind);
        Assert.Equal("i*.wast", request.Filter);
    }
}
