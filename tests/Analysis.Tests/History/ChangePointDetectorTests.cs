using WasmBench.Analysis.History;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Analysis.Tests.History;

/// <summary>The E-Divisive-means detector with a t-test, on synthetic series whose steps are known.</summary>
public sealed class ChangePointDetectorTests
{
    /// <summary>A series of levels, each held for its count of points, with seeded relative noise.</summary>
    private static double[] Series(int seed, double noise, params (double Level, int Count)[] steps)
    {
        var random = new Random(seed);
        return [.. steps.SelectMany(s => Enumerable.Range(0, s.Count).Select(_ => s.Level * (1 + (noise * ((random.NextDouble() * 2) - 1)))))];
    }

    [Fact]
    public void A_single_step_is_found_where_it_was_planted()
    {
        var series = Series(1, 0.02, (100, 30), (120, 30));

        var change = Assert.Single(ChangePointDetector.Detect(series));

        Assert.Equal(30, change.Index);
        Assert.InRange(change.Ratio, 1.17, 1.23);
        Assert.True(change.PValue < 0.001, $"p = {change.PValue}");
    }

    [Fact]
    public void Two_steps_up_and_down_are_both_found()
    {
        var series = Series(2, 0.02, (100, 25), (80, 25), (110, 25));

        var changes = ChangePointDetector.Detect(series);

        Assert.Equal([25, 50], changes.Select(c => c.Index));
        Assert.True(changes[0].Ratio < 1 && changes[1].Ratio > 1);
    }

    [Fact]
    public void Noise_without_a_step_gives_no_change_point()
    {
        var falseAlarms = Enumerable.Range(1, 30).Where(seed => ChangePointDetector.Detect(Series(seed, 0.05, (100, 100))).Count > 0).ToList();

        Assert.Empty(falseAlarms);
    }

    [Fact]
    public void A_step_smaller_than_the_noise_over_few_points_is_not_claimed()
    {
        Assert.Empty(ChangePointDetector.Detect(Series(6, 0.10, (100, 5), (102, 5))));
    }

    [Fact]
    public void Too_short_a_series_has_no_change_point()
    {
        Assert.Empty(ChangePointDetector.Detect([1, 10]));
        Assert.Empty(ChangePointDetector.Detect([]));
    }

    [Fact]
    public void The_same_series_always_gives_the_same_change_points()
    {
        var series = Series(7, 0.03, (50, 20), (65, 20), (60, 20));

        Assert.Equal(ChangePointDetector.Detect(series), ChangePointDetector.Detect(series));
    }

    [Fact]
    public void A_trend_links_each_change_point_to_the_runs_either_side()
    {
        var runs = Enumerable.Range(1, 20)
            .Select(i => Run(i, "main", Task("fib", "wasmtime", i <= 12 ? 1e6 : 1.3e6, seed: i), Task("fib", "native", 0.5e6, seed: 100 + i)))
            .Reverse()
            .ToList();

        var trend = Trend.Of(runs, "fib", "wasmtime", label: "main");

        Assert.Equal(20, trend.Points.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), trend.Points.Select(p => p.RunId));
        var change = Assert.Single(trend.Changes);
        Assert.Equal((12L, 13L), (change.RunBefore, change.RunAfter));
        Assert.InRange(change.Ratio, 1.25, 1.35);
        Assert.Empty(Trend.Of(runs, "fib", "native").Changes);
    }
}
