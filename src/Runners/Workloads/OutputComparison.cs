using WasmBench.Abstractions.Results;

namespace WasmBench.Runners.Workloads;

/// <summary>
/// Compares actual with expected output line by line, as the suites WasmBench borrows from do
/// (sightglass): CRLF and LF are the same, and a missing final newline is no difference.
/// </summary>
public static class OutputComparison
{
    /// <summary><see cref="OutputVerdict.NotChecked"/> without an expectation, else whether the texts are the same.</summary>
    public static OutputVerdict Compare(string? expected, string actual) =>
        expected is null ? OutputVerdict.NotChecked
        : Lines(expected).SequenceEqual(Lines(actual), StringComparer.Ordinal) ? OutputVerdict.Matched
        : OutputVerdict.Mismatched;

    /// <summary>For a mismatch, the first differing line with both texts (<c>stdout differs at line 2: expected "two", actual "2"</c>); else null.</summary>
    public static string? FirstDifference(string? expected, string actual, string stream = "stdout")
    {
        if (Compare(expected, actual) != OutputVerdict.Mismatched)
        {
            return null;
        }

        var wantLines = Lines(expected!);
        var gotLines = Lines(actual);
        var first = -1;
        var differing = 0;
        for (var i = 0; i < Math.Max(wantLines.Length, gotLines.Length); i++)
        {
            if ((i < wantLines.Length ? wantLines[i] : null) != (i < gotLines.Length ? gotLines[i] : null))
            {
                first = first < 0 ? i : first;
                differing++;
            }
        }

        var w = first < wantLines.Length ? wantLines[first] : null;
        var g = first < gotLines.Length ? gotLines[first] : null;
        var extent = differing == 1 ? "" : $" ({differing} lines differ; expected {wantLines.Length} lines, actual {gotLines.Length})";
        return $"{stream} differs at line {first + 1}: expected {Show(w)}, actual {Show(g)}{extent}";
    }

    /// <summary>The lines of a text: CRLF is LF, and a final newline ends the last line rather than starting an empty one.</summary>
    private static string[] Lines(string text)
    {
        var normal = text.ReplaceLineEndings("\n");
        if (normal.Length == 0)
        {
            return [];
        }

        return (normal.EndsWith('\n') ? normal[..^1] : normal).Split('\n');
    }

    /// <summary>Lines longer than this are quoted up to it: a workload's output never makes an error of megabytes.</summary>
    public const int MaxQuoted = 200;

    private static string Show(string? line) =>
        line is null ? "<end of output>"
        : line.Length <= MaxQuoted ? $"\"{line}\""
        : $"\"{line[..MaxQuoted]}...\" ({line.Length} characters)";
}
