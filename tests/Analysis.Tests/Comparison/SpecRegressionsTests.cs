using WasmBench.Abstractions.Results;
using WasmBench.Analysis.Comparison;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Analysis.Tests.Comparison;

public sealed class SpecRegressionsTests
{
    private static PairReport SpecTask(string file, params int[] failingLines) => new(file, Engine("wasmtime"), Machine, 1, OutputVerdict.NotChecked, null, [], [],
        new SpecScriptResult(file, 10 - failingLines.Length, failingLines.Length, 0, 0, [.. failingLines.Select(l => new SpecFailure(l, "assert_return", "1", "2", null))]));

    [Fact]
    public void A_spec_command_that_fails_now_but_not_in_the_baseline_is_a_regression()
    {
        var baseline = Run(1, "main", SpecTask("i32.wast", 5), SpecTask("f32.wast"));
        var candidate = Run(2, null, SpecTask("i32.wast", 5, 7), SpecTask("f32.wast"), SpecTask("new.wast", 1));

        var regression = Assert.Single(SpecRegressions.Find(baseline, candidate));

        Assert.Equal(("wasmtime", "i32.wast", 7), (regression.Engine, regression.File, regression.Line));
    }

    [Fact]
    public void A_script_that_cannot_run_now_is_a_regression_unless_it_could_not_run_in_the_baseline_either()
    {
        var crashed = new PairReport("i32.wast", Engine("wasmtime"), Machine, 1, OutputVerdict.NotChecked, "the engine crashed", [], []);
        var baseline = Run(1, "main", SpecTask("i32.wast"), crashed with { Workload = "f32.wast" });
        var candidate = Run(2, null, crashed, crashed with { Workload = "f32.wast" });

        var regression = Assert.Single(SpecRegressions.Find(baseline, candidate));

        Assert.Equal(("i32.wast", 0, "(script)", "the engine crashed"), (regression.File, regression.Line, regression.Command, regression.Message));
    }
}
