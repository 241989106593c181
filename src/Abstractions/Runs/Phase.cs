namespace WasmBench.Abstractions.Runs;

/// <summary>The measured phases of one benchmark iteration (the machine reference is no phase: see <see cref="Results.ProcessEvent"/>).</summary>
public enum Phase
{
    Compilation,
    Instantiation,
    Execution,
}
