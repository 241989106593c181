using WasmBench.Abstractions.Engines;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// Wasmtime through the Wasmtime NuGet package, in-process: Cranelift (at an opt level), Winch or
/// Pulley (<see cref="WasmtimeTier"/>). The benchmark and conformance capabilities live in the
/// other parts of this partial class.
/// </summary>
public sealed partial class WasmtimeEngine : IEngine
{
    /// <summary>The variants a node offers: every tier, and Cranelift at each opt level.</summary>
    public static IReadOnlyList<string> CatalogFlags { get; } = ["", "opt=none", "opt=speed-and-size", "winch", "pulley"];

    /// <summary>A Wasmtime variant; <paramref name="flags"/> as in <see cref="WasmtimeOptions.Parse"/> (empty: the default).</summary>
    /// <exception cref="ArgumentException">The flags do not parse.</exception>
    public WasmtimeEngine(string flags = "")
    {
        var parsed = WasmtimeOptions.Parse(flags);
        Options = parsed.Succeeded ? parsed.Value : throw new ArgumentException(parsed.Error, nameof(flags));
        Info = WasmtimeEngineInfo.Create(Options);
        Availability = Probe(Options);
    }

    public EngineInfo Info { get; }

    /// <summary>This variant's configuration (tier, optimisation level and the normalised flags).</summary>
    public WasmtimeOptions Options { get; }

    public EngineAvailability Availability { get; }

    /// <summary>Every variant of <see cref="CatalogFlags"/>.</summary>
    public static IEnumerable<WasmtimeEngine> CatalogVariants() => CatalogFlags.Select(f => new WasmtimeEngine(f));

    /// <summary>Builds an engine of this tier once; Pulley must also say it is the interpreter.</summary>
    private static EngineAvailability Probe(WasmtimeOptions options)
    {
        try
        {
            using var config = options.CreateConfig();
            using var engine = new global::Wasmtime.Engine(config);
            return options.Tier == WasmtimeTier.Pulley && !engine.IsPulleyInterpreter
                ? EngineAvailability.Unavailable("the pulley64 target did not give a Pulley interpreter engine")
                : EngineAvailability.Available;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return EngineAvailability.Unavailable($"the Wasmtime native library did not load: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or global::Wasmtime.WasmtimeException)
        {
            return EngineAvailability.Unavailable(e.Message);
        }
    }
}
