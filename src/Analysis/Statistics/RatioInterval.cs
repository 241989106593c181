using WasmBench.Abstractions.Results;

namespace WasmBench.Analysis.Statistics;

/// <summary>
/// A confidence interval for the ratio of medians (candidate / baseline) by a two-level
/// bootstrap: resample processes with replacement, then iterations within each chosen process.
/// Iterations of one process share its state (code layout, heap, frequency), so resampling only
/// iterations would pretend they are independent and make the interval too narrow. Seeded:
/// the same samples always give the same interval.
/// </summary>
public static class RatioInterval
{
    public const int Resamples = 2000;

    public static (double Lower, double Upper) Compute(IReadOnlyList<Timing> baseline, IReadOnlyList<Timing> candidate, double confidence, int seed)
    {
        var random = new Random(seed);
        var x = ByProcess(baseline);
        var y = ByProcess(candidate);
        var ratios = new double[Resamples];
        for (var b = 0; b < Resamples; b++)
        {
            ratios[b] = Resample(y, random) / Resample(x, random);
        }

        Array.Sort(ratios);
        var tail = (1 - confidence) / 2;
        return (Quantiles.Of(ratios, tail), Quantiles.Of(ratios, 1 - tail));
    }

    private static double[][] ByProcess(IReadOnlyList<Timing> samples) =>
        [.. samples.GroupBy(s => s.Process).OrderBy(g => g.Key).Select(g => g.Select(s => (double)s.Nanoseconds).ToArray())];

    private static double Resample(double[][] processes, Random random)
    {
        var values = new List<double>();
        for (var p = 0; p < processes.Length; p++)
        {
            var process = processes[random.Next(processes.Length)];
            for (var i = 0; i < process.Length; i++)
            {
                values.Add(process[random.Next(process.Length)]);
            }
        }

        return Descriptive.Median(values);
    }

    /// <summary>A stable seed for a series' interval (32-bit FNV-1a: string.GetHashCode is randomized per process).</summary>
    public static int SeedOf(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash & int.MaxValue);
    }
}
