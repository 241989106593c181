using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace WasmBench.Analysis.History;

/// <summary>A step in a series: the first index of the new level, the levels (means) either side, and the test that accepted it.</summary>
/// <param name="Index">The first point after the change (the series changed between <c>Index - 1</c> and <c>Index</c>).</param>
/// <param name="PValue">The two-sided Student t-test p-value of the segments either side at the time the split was accepted.</param>
public sealed record ChangePoint(int Index, double Before, double After, double PValue)
{
    /// <summary>After over before: above 1 the series got bigger (slower, for times).</summary>
    public double Ratio => After / Before;
}

/// <summary>
/// E-Divisive means with a t-test, as Hunter and Apache Otava do it: the split of a segment that
/// maximises the energy (divergence-of-means) statistic is the candidate change point; it is kept
/// when Student's t-test between the two halves is below <c>alpha</c>, and then both halves are split
/// again. A permutation test (MongoDB's original) is replaced by the t-test so that the same series
/// always gives the same change points. Pure and deterministic.
/// </summary>
public static class ChangePointDetector
{
    /// <param name="series">The values in order (e.g. the median of a workload on an engine, run after run).</param>
    /// <param name="alpha">The significance level of each split (0.001 by default: a dashboard and a nightly alert should not cry wolf).</param>
    /// <param name="minimumSegment">No segment shorter than this (at least 2 so each side has a variance).</param>
    public static IReadOnlyList<ChangePoint> Detect(IReadOnlyList<double> series, double alpha = 0.001, int minimumSegment = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSegment, 2);
        var found = new List<int>();
        Split(series, 0, series.Count, alpha, minimumSegment, found);
        found.Sort();
        var bounds = new List<int> { 0 };
        bounds.AddRange(found);
        bounds.Add(series.Count);
        var result = new List<ChangePoint>();
        for (var i = 1; i < bounds.Count - 1; i++)
        {
            // Each level is measured over the whole segment on its side, between its neighbours' change points.
            var before = Segment(series, bounds[i - 1], bounds[i]);
            var after = Segment(series, bounds[i], bounds[i + 1]);
            result.Add(new ChangePoint(bounds[i], before.Average(), after.Average(), TTestPValue(before, after)));
        }

        return result;
    }

    private static void Split(IReadOnlyList<double> series, int start, int end, double alpha, int minimum, List<int> found)
    {
        if (end - start < 2 * minimum)
        {
            return;
        }

        var best = -1;
        var bestQ = double.NegativeInfinity;
        for (var tau = start + minimum; tau <= end - minimum; tau++)
        {
            var q = Energy(series, start, tau, end);
            if (q > bestQ)
            {
                (bestQ, best) = (q, tau);
            }
        }

        if (best < 0 || TTestPValue(Segment(series, start, best), Segment(series, best, end)) >= alpha)
        {
            return;
        }

        found.Add(best);
        Split(series, start, best, alpha, minimum, found);
        Split(series, best, end, alpha, minimum, found);
    }

    /// <summary>The E-Divisive statistic of splitting [start, end) at tau (Matteson and James, alpha = 1).</summary>
    private static double Energy(IReadOnlyList<double> x, int start, int tau, int end)
    {
        double m = tau - start, n = end - tau;
        double between = 0, left = 0, right = 0;
        for (var i = start; i < tau; i++)
        {
            for (var j = tau; j < end; j++)
            {
                between += Math.Abs(x[i] - x[j]);
            }

            for (var k = i + 1; k < tau; k++)
            {
                left += Math.Abs(x[i] - x[k]);
            }
        }

        for (var j = tau; j < end; j++)
        {
            for (var k = j + 1; k < end; k++)
            {
                right += Math.Abs(x[j] - x[k]);
            }
        }

        var divergence = (2 * between / (m * n)) - (left / (m * (m - 1) / 2)) - (right / (n * (n - 1) / 2));
        return m * n / (m + n) * divergence;
    }

    /// <summary>
    /// The two-sided p-value of Student's two-sample t-test with the pooled variance (as Otava's tester, SciPy's
    /// <c>ttest_ind</c>); pooled so that a short segment at an edge with a small variance by chance does not pass for a
    /// level of its own. 0 when both sides are constant and differ, 1 when they are equal.
    /// </summary>
    public static double TTestPValue(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var (ma, va) = MeanVariance(a);
        var (mb, vb) = MeanVariance(b);
        var df = a.Count + b.Count - 2;
        var pooled = (((a.Count - 1) * va) + ((b.Count - 1) * vb)) / df;
        var se2 = pooled * ((1.0 / a.Count) + (1.0 / b.Count));
        if (se2 <= 0)
        {
            return ma == mb ? 1 : 0;
        }

        var t = Math.Abs(ma - mb) / Math.Sqrt(se2);
        return Math.Clamp(2 * (1 - new StudentDistribution(df).Cdf(t)), 0, 1);
    }

    private static (double Mean, double Variance) MeanVariance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, variance);
    }

    private static double[] Segment(IReadOnlyList<double> series, int start, int end)
    {
        var result = new double[end - start];
        for (var i = start; i < end; i++)
        {
            result[i - start] = series[i];
        }

        return result;
    }
}
