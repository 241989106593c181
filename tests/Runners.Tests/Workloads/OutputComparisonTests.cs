using WasmBench.Abstractions.Results;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests.Workloads;

public sealed class OutputComparisonTests
{
    [Fact]
    public void Equal_output_matches_whatever_the_line_endings() =>
        Assert.Equal(OutputVerdict.Matched, OutputComparison.Compare("a\nb\n", "a\r\nb\r\n"));

    [Fact]
    public void No_expectation_is_its_own_verdict() =>
        Assert.Equal(OutputVerdict.NotChecked, OutputComparison.Compare(null, "anything"));

    [Fact]
    public void A_mismatch_names_the_first_differing_line_with_both_texts()
    {
        Assert.Equal(OutputVerdict.Mismatched, OutputComparison.Compare("one\ntwo\nthree\n", "one\n2\nthree\n"));
        Assert.Equal("stdout differs at line 2: expected \"two\", actual \"2\"", OutputComparison.FirstDifference("one\ntwo\nthree\n", "one\n2\nthree\n"));
        Assert.Null(OutputComparison.FirstDifference("same", "same"));
    }

    [Fact]
    public void Output_that_stops_early_says_so()
    {
        Assert.Equal("stderr differs at line 2: expected \"two\", actual <end of output>", OutputComparison.FirstDifference("one\ntwo\n", "one", "stderr"));
    }

    [Fact]
    public void Extra_output_says_so()
    {
        Assert.Equal("stdout differs at line 2: expected <end of output>, actual \"extra\"", OutputComparison.FirstDifference("one", "one\nextra"));
    }

    [Fact]
    public void A_long_differing_line_is_quoted_to_200_characters()
    {
        var line = new string('x', 200_000_000 / 1000);

        var difference = OutputComparison.FirstDifference("done\n", line + "\n")!;

        Assert.Equal($"stdout differs at line 1: expected \"done\", actual \"{new string('x', 200)}...\" ({line.Length} characters)", difference);
    }
}
