using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Storage;

/// <summary>A run: one request, many tasks.</summary>
public sealed class RunEntity
{
    public long Id { get; set; }
    public RunKind Kind { get; set; }
    public required string Suite { get; set; }
    public string? Label { get; set; }
    public required string Engines { get; set; }
    public int Iterations { get; set; }
    public int Processes { get; set; } = 1;
    public int Warmup { get; set; }
    public int? Seed { get; set; }
    public RunState State { get; set; }
    public int TotalTasks { get; set; }
    public int CompletedTasks { get; set; }
    public int FailedTasks { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>What the planner left out on purpose, one note per line.</summary>
    public string Notes { get; set; } = "";
    public List<TaskEntity> Tasks { get; set; } = [];
}

/// <summary>The result of one task of a run: one process of a (workload, engine) pair, or one spec script on an engine.</summary>
public sealed class TaskEntity
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public RunEntity? Run { get; set; }
    public int TaskIndex { get; set; }
    public required string Workload { get; set; }

    /// <summary>The engine's family (<see cref="Abstractions.Engines.EngineIdentity.Family"/>).</summary>
    public required string Engine { get; set; }
    public required string EngineVersion { get; set; }

    /// <summary>The engine's variant (<see cref="Abstractions.Engines.EngineIdentity.Variant"/>).</summary>
    public string EngineFlags { get; set; } = "";

    /// <summary>The engine's build fingerprint; empty for results stored before it existed.</summary>
    public string EngineBuild { get; set; } = "";
    public long? MachineId { get; set; }
    public MachineEntity? Machine { get; set; }
    public OutputVerdict Output { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public List<SampleEntity> Samples { get; set; } = [];
    public List<ProcessEventEntity> Events { get; set; } = [];
    public SpecFileEntity? Spec { get; set; }
}

/// <summary>One measured value; flat, as the measurement record of STYLE.md.</summary>
public sealed class SampleEntity
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public Phase Phase { get; set; }
    public int Process { get; set; }
    public int Iteration { get; set; }
    public long Nanoseconds { get; set; }
    public bool Warmup { get; set; }
}

/// <summary>A measured event of a task's process (the machine reference before and after its iterations).</summary>
public sealed class ProcessEventEntity
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public ProcessEventKind Kind { get; set; }
    public int Process { get; set; }
    public long Nanoseconds { get; set; }
}

/// <summary>A machine fingerprint, stored once per distinct machine.</summary>
public sealed class MachineEntity
{
    public long Id { get; set; }
    public required string Hash { get; set; }
    public required string Host { get; set; }
    public required string CpuModel { get; set; }
    public int Cores { get; set; }
    public required string Os { get; set; }
    public required string Runtime { get; set; }
}

/// <summary>A spec task's outcome: one .wast script on one engine.</summary>
public sealed class SpecFileEntity
{
    public long Id { get; set; }
    public long TaskId { get; set; }
    public required string File { get; set; }
    public int Passed { get; set; }
    public int Failed { get; set; }
    public int Skipped { get; set; }
    public int TextFormat { get; set; }
    public int NotRun { get; set; }
    public List<SpecFailureEntity> Failures { get; set; } = [];
}

/// <summary>One failed command, in full.</summary>
public sealed class SpecFailureEntity
{
    public long Id { get; set; }
    public long SpecFileId { get; set; }
    public int Line { get; set; }
    public required string Command { get; set; }
    public string? Expected { get; set; }
    public string? Actual { get; set; }
    public string? Message { get; set; }
}
