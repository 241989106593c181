namespace WasmBench.Dashboard.Charts;

/// <summary>One bar of a grouped chart: a workload (group) on an engine (series).</summary>
/// <param name="Milliseconds">Median execution time.</param>
/// <param name="Spread">Half-width of the whisker (e.g. the interquartile half-range), in ms.</param>
public sealed record ChartBar(string Workload, string Engine, double Milliseconds, double Spread);
