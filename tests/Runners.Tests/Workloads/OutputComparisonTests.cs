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

    [Fact]
    public void A_missing_final_newline_is_no_difference_as_in_sightglass()
    {
        Assert.Equal(OutputVerdict.Matched, OutputComparison.Compare("checksum 42", "checksum 42\n"));
        Assert.Equal(OutputVerdict.Matched, OutputComparison.Compare("a\r\nb\n", "a\nb"));
    }

    [Fact]
    public void An_extra_empty_line_is_still_a_difference()
    {
        Assert.Equal(OutputVerdict.Mismatched, OutputComparison.Compare("a\n", "a\n\n"));
        Assert.Equal(OutputVerdict.Mismatched, OutputComparison.Compare("", "\n"));
    }

    [Fact]
    public void A_mismatch_of_several_lines_says_how_many_differ()
    {
        Assert.Equal(
            "stdout differs at line 2: expected \"b\", actual \"B\" (2 lines differ; expected 3 lines, actual 4)",
            OutputComparison.FirstDifference("a\nb\nc\n", "a\nB\nc\nd\n"));
    }
}
