using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Api;

/// <summary>The body of POST /api/runs.</summary>
public sealed record RunRequestBody(string? Suite, IReadOnlyList<string>? Engines, int? Iterations, string? Label,
    int? Processes = null, int? Warmup = null, int? Seed = null)
{
    public RunRequest ToRequest() =>
        new(Suite ?? "", Engines ?? [], Iterations ?? RunRequest.DefaultIterations, string.IsNullOrWhiteSpace(Label) ? null : Label,
            Processes ?? RunRequest.DefaultProcesses, Warmup ?? RunRequest.DefaultWarmup, Seed);
}

/// <summary>The answer to POST /api/runs.</summary>
public sealed record RunCreated(long Id, string Url, int Tasks, IReadOnlyList<string> Engines, IReadOnlyList<string> Notes);

public sealed record ApiError(string Error);
