using WasmBench.Abstractions.Engines;

namespace WasmBench.Runners.Engines.Js;

/// <summary>The one place a JS engine's <see cref="EngineInfo"/> is made.</summary>
internal static class JsEngineInfo
{
    private static readonly string[] Proposals =
        ["multi-value", "bulk-memory", "reference-types", "simd", "non-trapping-float-to-int", "sign-extension"];

    public static EngineInfo Create(JsVariant variant, string? version) =>
        new(variant.Name, version ?? "unavailable", variant.Kind, Proposals, variant.Flags);
}
