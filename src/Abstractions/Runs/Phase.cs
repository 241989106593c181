namespace WasmBench.Abstractions.Runs;

/// <summary>The measured phases of one benchmark iteration.</summary>
public enum Phase
{
    Compilation,
    Instantiation,
    Execution,
}
