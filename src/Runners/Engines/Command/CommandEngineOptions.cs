namespace WasmBench.Runners.Engines.Command;

/// <summary>Where a command engine finds its runtime.</summary>
/// <param name="Executable">A path to the runtime; null: <c>$WASMBENCH_COMMAND_&lt;PRESET&gt;</c>, else the preset's name on PATH.</param>
/// <param name="SearchPath">PATH-style directory list for the lookup; null: the process's PATH.</param>
public sealed record CommandEngineOptions(string? Executable = null, string? SearchPath = null)
{
    /// <summary>What to look up for <paramref name="preset"/>: the configured path, else the preset's executable name.</summary>
    public string Resolve(CommandPreset preset) =>
        Executable
        ?? (Environment.GetEnvironmentVariable(preset.PathVariable) is { Length: > 0 } configured ? configured : preset.Executable);
}
