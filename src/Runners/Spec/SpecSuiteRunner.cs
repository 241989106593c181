using WasmBench.Abstractions.Results;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Spec;

/// <summary>Runs spec scripts on an engine and summarises them as <see cref="SpecScriptResult"/>s.</summary>
public static class SpecSuiteRunner
{
    /// <summary>Runs one script; <paramref name="file"/> is the name it has in the report (default: the path).</summary>
    public static SpecScriptResult RunScript(
        IConformanceEngine engine,
        string scriptPath,
        string? file,
        ConformanceLimits limits,
        ConformanceProfile profile,
        CancellationToken cancellationToken,
        TextConverter converter = TextConverter.Wasmtime)
    {
        var run = new WastScriptRunner(engine, limits, profile, converter).Run(scriptPath, cancellationToken);
        return Summarise(file ?? scriptPath, run);
    }

    /// <summary>Runs a suite's scripts on <paramref name="parallelism"/> threads; files stay in the given order.</summary>
    public static SpecEngineReport RunSuite(
        IConformanceEngine engine,
        SpecSuite suite,
        IReadOnlyList<SpecScript> scripts,
        ConformanceLimits limits,
        int parallelism,
        CancellationToken cancellationToken)
    {
        var results = new SpecScriptResult[scripts.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        Parallel.For(0, scripts.Count, options, i => results[i] = suite.RunScript(engine, scripts[i], limits, cancellationToken));
        return new SpecEngineReport(engine.Info.Identity, results);
    }

    public static SpecScriptResult Summarise(string file, WastRunResult run)
    {
        var failures = run.Outcomes
            .Where(o => o.Status == CommandStatus.Failed)
            .Select(o => new SpecFailure(o.Line, o.Command, o.Expected, o.Actual, o.Message))
            .ToArray();
        return new SpecScriptResult(
            file,
            run.Count(CommandStatus.Passed),
            failures.Length,
            run.Count(CommandStatus.Skipped),
            run.Count(CommandStatus.TextFormat),
            failures,
            run.Count(CommandStatus.NotRun));
    }
}
