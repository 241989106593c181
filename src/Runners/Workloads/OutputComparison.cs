namespace WasmBench.Runners.Workloads;

/// <summary>How a program's output compares with what the workload expects.</summary>
public enum OutputVerdictKind
{
    /// <summary>The output is exactly the expected text (line endings normalised).</summary>
    Match,
    Mismatch,
    /// <summary>The workload has no expected output for this stream.</summary>
    NoExpectation,
}

/// <param name="Detail">For a mismatch: the first differing line, expected and actual.</param>
public sealed record OutputVerdict(OutputVerdictKind Kind, string? Detail = null)
{
    public static OutputVerdict Match { get; } = new(OutputVerdictKind.Match);

    public static OutputVerdict NoExpectation { get; } = new(OutputVerdictKind.NoExpectation);

    public bool IsMismatch => Kind == OutputVerdictKind.Mismatch;

    public override string ToString() => Detail is null ? Kind.ToString() : $"{Kind}: {Detail}";
}

/// <summary>Compares actual with expected output line by line (CRLF and LF are the same).</summary>
public static class OutputComparison
{
    public static OutputVerdict Compare(string? expected, string actual, string stream = "stdout")
    {
        if (expected is null)
        {
            return OutputVerdict.NoExpectation;
        }

        var want = Normalize(expected);
        var got = Normalize(actual);
        if (want == got)
        {
            return OutputVerdict.Match;
        }

        var wantLines = want.Split('\n');
        var gotLines = got.Split('\n');
        for (var i = 0; ; i++)
        {
            var w = i < wantLines.Length ? wantLines[i] : null;
            var g = i < gotLines.Length ? gotLines[i] : null;
            if (w == g)
            {
                continue;
            }

            return new OutputVerdict(
                OutputVerdictKind.Mismatch,
                $"{stream} differs at line {i + 1}: expected {Show(w)}, actual {Show(g)}");
        }
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");

    private static string Show(string? line) => line is null ? "<end of output>" : $"\"{line}\"";
}
