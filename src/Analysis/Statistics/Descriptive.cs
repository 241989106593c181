namespace WasmBench.Silo.Comparison;

/// <summary>Small pure helpers shared by the comparison code.</summary>
public static class Statistics
{
    /// <summary>The sample median (mean of the two middle values for an even count); NaN when empty.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double GeometricMean(IEnumerable<double> ratios)
    {
        var logs = ratios.Where(r => r > 0).Select(r => Math.Log(r)).ToArray();
        return logs.Length == 0 ? double.NaN : Math.Exp(logs.Average());
    }

    /// <summary>A stable 32-bit FNV-1a hash (string.GetHashCode is randomized per process).</summary>
    public static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash & int.MaxValue);
    }
}
