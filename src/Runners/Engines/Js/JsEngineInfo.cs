using WasmBench.Abstractions.Engines;

namespace WasmBench.Runners.Engines.Js;

/// <summary>The one place a JS engine's <see cref="EngineInfo"/> is made.</summary>
internal static class JsEngineInfo
{
    /// <summary>
    /// What each shell runs with its default flags, as the spec suites measured it (suites/spec/README.md):
    /// Node 20 adds tail calls; SpiderMonkey 102 has 2.0; JavaScriptCore in Bun 1.4.5 has most of 3.0 but memory64.
    /// </summary>
    private static string[] Proposals(JsVariant variant) => variant.Name switch
    {
        "node" => [.. WasmProposals.Wasm2, WasmProposals.TailCall],
        "jsc" => [.. WasmProposals.Wasm2, WasmProposals.TailCall, WasmProposals.FunctionReferences, WasmProposals.Gc, WasmProposals.MultiMemory,
            WasmProposals.ExceptionHandling, WasmProposals.ExtendedConst, WasmProposals.RelaxedSimd],
        _ => [.. WasmProposals.Wasm2],
    };

    public static EngineInfo Create(JsVariant variant, string? version) =>
        new(variant.Name, version ?? "unavailable", variant.Kind, Proposals(variant), variant.Flags);
}
