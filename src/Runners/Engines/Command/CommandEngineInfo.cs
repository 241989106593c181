using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Runners.Engines.Command;

/// <summary>The one place a command engine's <see cref="EngineInfo"/> is made.</summary>
internal static class CommandEngineInfo
{
    /// <summary><c>command</c> with the preset as its flags, so the id is <c>command:PRESET</c>.</summary>
    public static EngineInfo Create(CommandPreset preset, string? version) =>
        new("command", version ?? "unavailable", preset.Kind, [.. preset.Proposals ?? WasmProposals.Wasm2, WasmProposals.WasiPreview1], preset.Name)
        {
            Phases = [Phase.Execution],
            PhaseNote = CommandEngine.TimingNote,
        };
}
