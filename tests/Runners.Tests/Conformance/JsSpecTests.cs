using System.Collections.Concurrent;
using WasmBench.Runners.Engines.Js;

namespace WasmBench.Runners.Tests.Conformance;

/// <summary>
/// Every wasm-2.0 script on one tier of each JS family (V8's default tiering, SpiderMonkey's Ion,
/// JavaScriptCore), through the JS host (one host process per script): an unexpected failure, an
/// unexpected pass of a listed known failure (<c>suites/spec/known-failures/&lt;engine&gt;.tsv</c>) or any
/// skip fails. One class per engine so that xunit runs the three side by side. Slow: CI's second pass.
/// </summary>
[Trait("Category", "Slow")]
public sealed class NodeWasm2SpecTests
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("node", "wasm-2.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, JsSpecEngines.Get(spec.Engine), allowedSkips: []);
}

/// <inheritdoc cref="NodeWasm2SpecTests"/>
[Trait("Category", "Slow")]
public sealed class SpiderMonkeyIonWasm2SpecTests
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("spidermonkey:ion", "wasm-2.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, JsSpecEngines.Get(spec.Engine), allowedSkips: []);
}

/// <inheritdoc cref="NodeWasm2SpecTests"/>
[Trait("Category", "Slow")]
public sealed class JscWasm2SpecTests
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("jsc", "wasm-2.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, JsSpecEngines.Get(spec.Engine), allowedSkips: []);
}

/// <summary>
/// The other JS tiers (node:liftoff, node:turbofan, spidermonkey:baseline) on every wasm-2.0 script, with
/// their own lists. Not in CI (<c>Tiers=All</c>: CI runs <c>Category=Slow&amp;Tiers!=All</c>) to keep it short;
/// run them with <c>dotnet test tests/Runners.Tests --filter "Tiers=All"</c>.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Tiers", "All")]
public sealed class JsOtherTiersWasm2SpecTests
{
    public static TheoryData<SpecCase> NodeLiftoff => SpecCases.For("node:liftoff", "wasm-2.0");

    public static TheoryData<SpecCase> NodeTurbofan => SpecCases.For("node:turbofan", "wasm-2.0");

    public static TheoryData<SpecCase> SpiderMonkeyBaseline => SpecCases.For("spidermonkey:baseline", "wasm-2.0");

    [Theory]
    [MemberData(nameof(NodeLiftoff))]
    public void Node_liftoff_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, JsSpecEngines.Get(spec.Engine), allowedSkips: []);

    [Theory]
    [MemberData(nameof(NodeTurbofan))]
    public void Node_turbofan_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, JsSpecEngines.Get(spec.Engine), allowedSkips: []);

    [Theory]
    [MemberData(nameof(SpiderMonkeyBaseline))]
    public void SpiderMonkey_baseline_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, JsSpecEngines.Get(spec.Engine), allowedSkips: []);
}

/// <summary>One engine per id for the whole test run: its probe (a host start) runs once.</summary>
internal static class JsSpecEngines
{
    private static readonly ConcurrentDictionary<string, JsEngine> Engines = new();

    public static JsEngine Get(string id) => Engines.GetOrAdd(id, i => new JsEngine(JsVariant.All.Single(v => v.Id == i)));
}

/// <summary>
/// Every wasm-3.0 script on one tier of each JS family: the features the engine lacks are skipped
/// as unsupported, and so is every module that imports from a skipped registration; what is left
/// must pass except for the engine's reviewed known failures. Slow: CI's second pass.
/// </summary>
[Trait("Category", "Slow")]
public sealed class NodeWasm3SpecTests
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("node", "wasm-3.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, JsSpecEngines.Get(spec.Engine));
}

/// <inheritdoc cref="NodeWasm3SpecTests"/>
[Trait("Category", "Slow")]
public sealed class SpiderMonkeyIonWasm3SpecTests
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("spidermonkey:ion", "wasm-3.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, JsSpecEngines.Get(spec.Engine));
}

/// <inheritdoc cref="NodeWasm3SpecTests"/>
[Trait("Category", "Slow")]
public sealed class JscWasm3SpecTests
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("jsc", "wasm-3.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, JsSpecEngines.Get(spec.Engine));
}
