namespace WasmBench.Runners.Worker;

/// <summary>Where two program outputs first differ, in words a user can act on.</summary>
public static class OutputDifference
{
    /// <summary>Null when equal; else "line N: expected '…', got '…'".</summary>
    public static string? Find(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of output>";
            var al = i < a.Length ? a[i] : "<end of output>";
            if (el != al)
            {
                return $"line {i + 1}: expected '{el}', got '{al}'";
            }
        }

        return "outputs differ";
    }
}
