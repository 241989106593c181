using WasmBench.Abstractions.Results;

namespace WasmBench.Runners.Workloads;

/// <summary>Compares actual with expected output line by line (CRLF and LF are the same).</summary>
public static class OutputComparison
{
    /// <summary><see cref="OutputVerdict.NotChecked"/> without an expectation, else whether the texts are the same.</summary>
    public static OutputVerdict Compare(string? expected, string actual) =>
        expected is null ? OutputVerdict.NotChecked
        : Normalize(expected) == Normalize(actual) ? OutputVerdict.Matched
        : OutputVerdict.Mismatched;

    /// <summary>For a mismatch, the first differing line with both texts (<c>stdout differs at line 2: expected "two", actual "2"</c>); else null.</summary>
    public static string? FirstDifference(string? expected, string actual, string stream = "stdout")
    {
        if (Compare(expected, actual) != OutputVerdict.Mismatched)
        {
            return null;
        }

        var wantLines = Normalize(expected!).Split('\n');
        var gotLines = Normalize(actual).Split('\n');
        for (var i = 0; ; i++)
        {
            var w = i < wantLines.Length ? wantLines[i] : null;
            var g = i < gotLines.Length ? gotLines[i] : null;
            if (w != g)
            {
                return $"{stream} differs at line {i + 1}: expected {Show(w)}, actual {Show(g)}";
            }
        }
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");

    /// <summary>Lines longer than this are quoted up to it: a workload's output never makes an error of megabytes.</summary>
    public const int MaxQuoted = 200;

    private static string Show(string? line) =>
        line is null ? "<end of output>"
        : line.Length <= MaxQuoted ? $"\"{line}\""
        : $"\"{line[..MaxQuoted]}...\" ({line.Length} characters)";
}
