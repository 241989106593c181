namespace WasmBench.Runners.Wast;

/// <summary>A parsed .wast script: its commands in order.</summary>
public sealed record WastScript(string File, IReadOnlyList<WastCommand> Commands);
