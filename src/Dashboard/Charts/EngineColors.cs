using ScottPlot;

namespace WasmBench.Dashboard.Charts;

/// <summary>
/// One colour per engine on every page and in every run: the engines WasmBench ships have fixed
/// colours (the Wasmtime tiers are shades apart from each other and far from native's black);
/// any other engine gets one from a palette by a stable hash of its id.
/// </summary>
public static class EngineColors
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["native"] = "#222222",
        ["wasmtime"] = "#1f77b4",
        ["wasmtime:opt=none"] = "#6baed6",
        ["wasmtime:opt=speed-and-size"] = "#08306b",
        ["wasmtime:winch"] = "#17becf",
        ["wasmtime:pulley"] = "#9467bd",
        ["interp"] = "#d62728",
        ["node"] = "#2ca02c",
        ["node:liftoff"] = "#98df8a",
        ["node:turbofan"] = "#006d2c",
        ["spidermonkey:baseline"] = "#ff9896",
        ["spidermonkey:ion"] = "#ff7f0e",
        ["jsc"] = "#8c564b",
        ["wasm2c"] = "#e377c2",
        ["wasm-interp"] = "#bcbd22",
    };

    private static readonly string[] Others = ["#7f7f7f", "#c49c94", "#dbdb8d", "#9edae5", "#c5b0d5", "#f7b6d2", "#aec7e8", "#ffbb78"];

    /// <summary>The engine's colour as CSS hex (<c>#1f77b4</c>).</summary>
    public static string Hex(string engine)
    {
        if (Known.TryGetValue(engine, out var hex))
        {
            return hex;
        }

        // FNV-1a: stable across processes (string.GetHashCode is not).
        var hash = 2166136261u;
        foreach (var c in engine)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Others[hash % (uint)Others.Length];
    }

    public static Color Of(string engine) => Color.FromHex(Hex(engine));
}
