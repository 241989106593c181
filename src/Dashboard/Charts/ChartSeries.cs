namespace WasmBench.Dashboard.Charts;

/// <summary>One bar of a grouped chart: a workload (group) on an engine (series).</summary>
/// <param name="Milliseconds">Median execution time.</param>
/// <param name="Lower">Lower bound of the median's 99% interval, in ms (the whisker).</param>
/// <param name="Upper">Upper bound of the median's 99% interval, in ms.</param>
public sealed record ChartBar(string Workload, string Engine, double Milliseconds, double Lower, double Upper);
