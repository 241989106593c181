using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests.Workloads;

public sealed class OutputComparisonTests
{
    [Fact]
    public void Equal_output_matches_whatever_the_line_endings() =>
        Assert.Equal(OutputVerdictKind.Match, OutputComparison.Compare("a\nb\n", "a\r\nb\r\n").Kind);

    [Fact]
    public void No_expectation_is_its_own_verdict() =>
        Assert.Equal(OutputVerdictKind.NoExpectation, OutputComparison.Compare(null, "anything").Kind);

    [Fact]
    public void A_mismatch_names_the_first_differing_line_with_both_texts()
    {
        var verdict = OutputComparison.Compare("one\ntwo\nthree\n", "one\n2\nthree\n");

        Assert.True(verdict.IsMismatch);
        Assert.Equal("stdout differs at line 2: expected \"two\", actual \"2\"", verdict.Detail);
    }

    [Fact]
    public void Output_that_stops_early_says_so()
    {
        var verdict = OutputComparison.Compare("one\ntwo\n", "one", "stderr");

        Assert.Equal("stderr differs at line 2: expected \"two\", actual <end of output>", verdict.Detail);
    }

    [Fact]
    public void Extra_output_says_so()
    {
        var verdict = OutputComparison.Compare("one", "one\nextra");

        Assert.Equal("stdout differs at line 2: expected <end of output>, actual \"extra\"", verdict.Detail);
    }
}
