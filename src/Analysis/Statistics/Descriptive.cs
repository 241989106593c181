namespace WasmBench.Analysis.Statistics;

/// <summary>Small pure descriptive statistics shared by the comparison and the run summaries.</summary>
public static class Descriptive
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
}
