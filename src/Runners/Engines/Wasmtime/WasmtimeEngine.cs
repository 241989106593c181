using System.Reflection;
using WasmBench.Abstractions.Engines;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// Wasmtime (Cranelift) through the Wasmtime NuGet package, in-process. The benchmark and
/// conformance capabilities live in the other parts of this partial class.
/// </summary>
public sealed partial class WasmtimeEngine : IEngine
{
    /// <summary>A Wasmtime variant; <paramref name="flags"/> as in <see cref="WasmtimeOptions.Parse"/> (empty: the default).</summary>
    /// <exception cref="ArgumentException">The flags do not parse.</exception>
    public WasmtimeEngine(string flags = "")
    {
        var parsed = WasmtimeOptions.Parse(flags);
        Options = parsed.Succeeded ? parsed.Value : throw new ArgumentException(parsed.Error, nameof(flags));
        Info = new(
            "wasmtime",
            PackageVersion(),
            EngineKind.Jit,
            [
                "multi-value", "bulk-memory", "reference-types", "simd", "non-trapping-float-to-int", "sign-extension",
                "relaxed-simd", "multi-memory", "memory64", "tail-call", "function-references", "gc", "exceptions", "extended-const",
            ],
            Options.Flags);
    }

    public EngineInfo Info { get; }

    /// <summary>This variant's configuration (optimisation level and the normalised flags).</summary>
    public WasmtimeOptions Options { get; }

    public EngineAvailability Availability { get; } = Probe();

    private static string PackageVersion()
    {
        var assembly = typeof(global::Wasmtime.Engine).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return (informational ?? assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];
    }

    private static EngineAvailability Probe()
    {
        try
        {
            using var engine = new global::Wasmtime.Engine();
            return EngineAvailability.Available;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return EngineAvailability.Unavailable($"the Wasmtime native library did not load: {e.Message}");
        }
    }
}
