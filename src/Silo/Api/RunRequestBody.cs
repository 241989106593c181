using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Api;

/// <summary>The body of POST /api/runs (kind "spec" for a spec testsuite, with its testsuite path and filter).</summary>
public sealed record RunRequestBody(
    string? Suite,
    IReadOnlyList<string>? Engines,
    int? Iterations,
    string? Label,
    RunKind? Kind = null,
    string? Testsuite = null,
    string? Filter = null,
    int? Processes = null,
    int? Warmup = null,
    int? Seed = null)
{
    public RunRequest ToRequest() =>
        new(Suite ?? "", Engines ?? [], Iterations ?? RunRequest.DefaultIterations, string.IsNullOrWhiteSpace(Label) ? null : Label,
            Kind ?? RunKind.Benchmark, Testsuite, Filter,
            // Processes and warm-up are opt-in through the API (one process, no warm-up when absent).
            Processes ?? 1, Warmup ?? 0, Seed);

    public static RunRequestBody From(RunRequest r) =>
        new(r.Suite, r.Engines, r.Iterations, r.Label, r.Kind, r.Testsuite, r.Filter, r.Processes, r.Warmup, r.Seed);
}

/// <summary>The answer to POST /api/runs.</summary>
public sealed record RunCreated(long Id, string Url, int Tasks, IReadOnlyList<string> Engines, IReadOnlyList<string> Notes);

public sealed record ApiError(string Error);
