namespace WasmBench.Abstractions.Runs;

public enum RunState
{
    Pending,
    Running,
    Completed,
    Failed,
}
