using WasmBench.Runners.Conformance;
using WasmBench.Runners.Spec;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Conformance;

/// <summary>
/// Builds the data-driven spec cases and runs one. The testsuite comes from
/// <see cref="TestsuiteLocator"/>; when it is missing there is one case that fails and says why.
/// </summary>
public static class SpecCases
{
    public static TheoryData<SpecCase> For(string engine, string suiteName)
    {
        var data = new TheoryData<SpecCase>();
        var location = TestsuiteLocator.Locate();
        var suite = SpecSuite.Load(suiteName).Value;
        var scripts = location.Value is not { } found || suite is null ? [] : suite.ResolveScripts(found.Path);
        if (scripts.Count == 0)
        {
            data.Add(new SpecCase(engine, suiteName, ""));
            return data;
        }

        foreach (var script in scripts)
        {
            data.Add(new SpecCase(engine, suiteName, script.RelativePath));
        }

        return data;
    }

    /// <summary>
    /// Runs the case and fails on an unexpected failure or an unexpected pass, listing each. With
    /// <paramref name="allowedSkips"/>, a skipped command whose reason contains none of them fails
    /// too (empty: no skip at all); null leaves skips unchecked.
    /// </summary>
    public static void Run(SpecCase spec, IConformanceEngine engine, IReadOnlyList<string>? allowedSkips = null)
    {
        var location = TestsuiteLocator.Locate();
        Assert.True(location.Succeeded, location.Error);
        var loaded = SpecSuite.Load(spec.Suite);
        Assert.True(loaded.Succeeded, loaded.Error);
        Assert.True(spec.File.Length > 0, $"no {spec.Suite} scripts under {location.Value.Path} (found via {location.Value.Source})");
        var script = Assert.Single(loaded.Value.ResolveScripts(location.Value.Path), s => s.RelativePath == spec.File);
        var known = KnownFailures.Load(engine.Info.Id);
        Assert.True(known.Succeeded, known.Error);

        var run = new WastScriptRunner(engine, ConformanceLimits.Default, loaded.Value.Profile, loaded.Value.ConverterFor(script)).Run(script.FullPath, CancellationToken.None);
        var result = SpecSuiteRunner.Summarise(script.RelativePath, run);
        var check = known.Value.Classify(spec.Suite, result);
        var badSkips = allowedSkips is null ? [] : run.Outcomes
            .Where(o => o.Status == CommandStatus.Skipped && !allowedSkips.Any(r => o.Message?.Contains(r, StringComparison.Ordinal) == true))
            .Select(o => $"unexpected skip at line {o.Line}: {o.Command} ({o.Message})");

        // A command not run needs a module whose own command failed; that failure must be a known one.
        var badNotRun = run.Outcomes
            .Where(o => o.Status == CommandStatus.NotRun && !check.ExpectedFailures.Any(f => o.Message?.EndsWith($"the module of line {f.Line} failed", StringComparison.Ordinal) == true))
            .Select(o => $"not run at line {o.Line} without a known failure of the module it needs: {o.Command} ({o.Message})");

        var problems = check.UnexpectedFailures.Select(f => $"unexpected failure at line {f.Line}: {f.Command}\n  expected: {f.Expected}\n  actual:   {f.Actual}\n  message:  {f.Message}")
            .Concat(check.UnexpectedPasses.Select(p => $"unexpected pass at line {p.Line} (listed as a known failure: {p.Reason})"))
            .Concat(badSkips)
            .Concat(badNotRun)
            .ToList();
        Assert.True(problems.Count == 0, $"{spec}: {result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped, {result.NotRun} not run\n" + string.Join('\n', problems));
        Assert.True(result.Passed + result.Failed + result.Skipped + result.TextFormat > 0, $"{spec}: no command ran");
    }
}
