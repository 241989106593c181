using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines.Interp;
using WasmBench.Runners.Spec;
using Xunit.Abstractions;

namespace WasmBench.Runners.Tests.Conformance;

/// <summary>
/// Every wasm-2.0 script on the interpreter, SIMD included, with no known failure: every
/// command passes, and a skip (unsupported) anywhere fails.
/// </summary>
public sealed class InterpWasm2SpecTests(ITestOutputHelper output)
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("interp", "wasm-2.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_with_no_known_failures(SpecCase spec)
    {
        var location = TestsuiteLocator.Locate();
        Assert.True(location.Succeeded, location.Error);
        var suite = SpecSuite.Load(spec.Suite).Value;
        Assert.NotNull(suite);
        Assert.True(spec.File.Length > 0, $"no {spec.Suite} scripts under {location.Value.Path} (found via {location.Value.Source})");
        var script = Assert.Single(suite.ResolveScripts(location.Value.Path), s => s.RelativePath == spec.File);
        var known = KnownFailures.Load("interp");
        Assert.True(known.Succeeded, known.Error);
        Assert.DoesNotContain(known.Value.Entries, e => e.Suite == spec.Suite);

        var result = suite.RunScript(new InterpEngine(), script, ConformanceLimits.Default, CancellationToken.None);

        output.WriteLine($"{spec}: passed {result.Passed}, failed {result.Failed}, skipped {result.Skipped}, text-format {result.TextFormat}");
        var failures = result.Failures.Select(f => $"line {f.Line}: {f.Command}\n  expected: {f.Expected}\n  actual:   {f.Actual}\n  message:  {f.Message}");
        Assert.True(result.Failed == 0, $"{spec}: {result.Failed} failed\n{string.Join('\n', failures)}");
        Assert.True(result.Skipped == 0, $"{spec}: {result.Skipped} commands skipped as unsupported");
        Assert.True(result.Passed + result.Skipped + result.TextFormat > 0, $"{spec}: no command ran");
    }
}

/// <summary>
/// Every wasm-3.0 script (and custom/) on the interpreter: an unexpected failure or an unexpected
/// pass of a listed known failure (suites/spec/known-failures/interp.tsv) fails. Slow: CI's second pass.
/// </summary>
[Trait("Category", "Slow")]
public sealed class InterpWasm3SpecTests
{
    public static TheoryData<SpecCase> Scripts => SpecCases.For("interp", "wasm-3.0");

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes_except_for_reviewed_known_failures(SpecCase spec) => SpecCases.Run(spec, new InterpEngine());
}
