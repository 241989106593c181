using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;

namespace WasmBench.Analysis.Statistics;

/// <summary>
/// The statistics of one side of a comparison (warm-up left out): the sample median with a 99%
/// confidence interval (Harrell-Davis, from Perfolizer), the mean and standard deviation
/// (Perfolizer's moments), and how many processes and iterations they come from.
/// </summary>
public sealed record SampleSummary(int Count, int Processes, double Median, double MedianLower, double MedianUpper, double Mean, double StandardDeviation)
{
    public static SampleSummary Of(IReadOnlyList<Timing> samples)
    {
        var values = samples.Select(s => (double)s.Nanoseconds).ToArray();
        var processes = samples.Select(s => s.Process).Distinct().Count();
        var median = Descriptive.Median(values);
        if (values.Length < 2)
        {
            return new SampleSummary(values.Length, processes, median, median, median, median, 0);
        }

        var sample = new Pragmastat.Sample(values);
        var moments = Moments.Create(sample);
        var ci = HarrellDavisQuantileEstimator.Instance.QuantileConfidenceIntervalEstimator(sample, 0.5).ConfidenceInterval(ConfidenceLevel.L99);
        return new SampleSummary(values.Length, processes, median, Math.Max(0, ci.Lower), ci.Upper, moments.Mean, moments.StandardDeviation);
    }
}
