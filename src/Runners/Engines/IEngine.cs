using WasmBench.Abstractions.Engines;

namespace WasmBench.Runners.Engines;

/// <summary>An engine adapter: who it is and whether it can run on this machine.</summary>
public interface IEngine
{
    EngineInfo Info { get; }

    /// <summary>The id users type (<see cref="EngineInfo.Id"/>); engines whose info needs a probe answer it without one.</summary>
    string Id => Info.Id;

    /// <summary>Whether the engine can run here; when not, the reason says why (e.g. "no C compiler").</summary>
    EngineAvailability Availability { get; }
}

public sealed record EngineAvailability(bool IsAvailable, string? Reason = null)
{
    public static EngineAvailability Available { get; } = new(true);

    public static EngineAvailability Unavailable(string reason) => new(false, reason);
}
