namespace WasmBench.Abstractions.Results;

/// <summary>Quantiles of timings, shared by the runner (the machine's level) and the comparison (intervals).</summary>
public static class Quantiles
{
    /// <summary>The p-quantile of sorted values with linear interpolation (Hyndman-Fan type 7).</summary>
    public static double Of(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
