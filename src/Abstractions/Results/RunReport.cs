using System.Text.Json.Serialization;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Results;

/// <summary>
/// A run as stored: what was asked (the fields of its <see cref="RunRequest"/>, the seed the
/// planner chose), how far it got — counted in tasks, the unit the queue leases: one process of one
/// workload on one engine —, and when. What the grain tracks, the API lists and answers a POST
/// with, the CLI prints progress from, and the dashboard shows.
/// </summary>
/// <param name="Notes">What the planner left out on purpose, e.g. native for a workload without C source.</param>
[GenerateSerializer, Immutable]
public sealed record StoredRun(
    [property: Id(0)] long Id,
    [property: Id(1)] RunKind Kind,
    [property: Id(2)] string Suite,
    [property: Id(3)] string? Label,
    [property: Id(4)] IReadOnlyList<string> Engines,
    [property: Id(5)] int Iterations,
    [property: Id(6)] RunState State,
    [property: Id(7)] int TotalTasks,
    [property: Id(8)] int CompletedTasks,
    [property: Id(9)] int FailedTasks,
    [property: Id(10)] string? Error,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset? FinishedAt,
    [property: Id(13)] int Processes = 1,
    [property: Id(14)] int Warmup = 0,
    [property: Id(15)] int? Seed = null,
    [property: Id(16)] IReadOnlyList<string>? Notes = null)
{
    /// <summary>Tasks that reported, successfully or not.</summary>
    public int FinishedTasks => CompletedTasks + FailedTasks;

    public bool IsFinished => State is RunState.Completed or RunState.Failed;

    /// <summary>A run about to be stored: the request's fields, its plan's engines, tasks and notes, and the seed the plan used.</summary>
    public static StoredRun Planned(RunRequest request, IReadOnlyList<string> engines, int totalTasks, IReadOnlyList<string>? notes = null) => new(
        0, request.Kind, request.Suite, request.Label, engines, request.Iterations,
        totalTasks == 0 ? RunState.Completed : RunState.Pending, totalTasks, 0, 0, null, default, null,
        request.Processes, request.Warmup, request.Seed, notes ?? []);
}

/// <summary>
/// One pair — one workload on one engine, across the processes (tasks) that measured it — as
/// measured by one engine build on one machine, with every sample and process event. Results are
/// never pooled across machines or engine builds: a pair measured on two machines of a farm is two
/// reports.
/// </summary>
/// <param name="Tasks">How many tasks (processes) of the pair this report holds.</param>
public sealed record PairReport(
    string Workload,
    EngineIdentity Engine,
    MachineFingerprint? Machine,
    int Tasks,
    OutputVerdict Output,
    string? Error,
    IReadOnlyList<Sample> Samples,
    IReadOnlyList<ProcessEvent> Events,
    SpecScriptResult? Spec = null)
{
    /// <summary>The engine as users type it: <c>wasmtime</c> or <c>wasmtime:opt=none</c>.</summary>
    [JsonIgnore]
    public string EngineId => Engine.Id;
}

/// <summary>
/// A whole run with every pair, sample and event: what <c>run --json</c> writes and
/// <c>GET /api/runs/{id}</c> serves (<see cref="FormatName"/> tells it from the files of older
/// versions, which the analysis still reads).
/// </summary>
public sealed record RunReport(StoredRun Run, IReadOnlyList<PairReport> Pairs)
{
    public const string FormatName = "wasmbench-run/2";

    [JsonPropertyOrder(-1)]
    public string Format => FormatName;
}
