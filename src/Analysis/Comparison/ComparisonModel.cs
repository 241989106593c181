using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Comparison;

/// <summary>The verdict on one (workload, engine, phase): candidate faster, slower, or the same as the baseline.</summary>
public enum Verdict
{
    Same,
    Faster,
    Slower,
}

/// <summary>
/// One (workload, engine, phase) comparison. <see cref="Ratio"/> is candidate median / baseline
/// median with its 99% interval; <see cref="PValue"/> is the Mann-Whitney p-value of a change
/// beyond the threshold (the smaller one-sided p, doubled), <see cref="QValue"/> the same after
/// Benjamini-Hochberg over every row of the comparison; <see cref="Equivalence"/> is Perfolizer's
/// SimpleEquivalenceTest at the unadjusted level (greater / indistinguishable / lesser / unknown).
/// </summary>
public sealed record ComparisonRow(
    string Workload,
    string Engine,
    Phase Phase,
    SampleSummary Baseline,
    SampleSummary Candidate,
    double Ratio,
    double RatioLower,
    double RatioUpper,
    double PValue,
    double QValue,
    string Equivalence,
    Verdict Verdict)
{
    public bool IsRegression => Verdict == Verdict.Slower;
}

/// <summary>The geometric mean of the ratios of one phase over every compared pair.</summary>
public sealed record GeoMeanSummary(Phase Phase, int Pairs, double Ratio, int Faster, int Slower, int Same);

/// <summary>Which run a side is: a stored run (id, label) or a file (its name, never its path).</summary>
public sealed record SideInfo(string Name, long? RunId, string? Label, string Suite, int Processes, int Iterations, int Warmup, IReadOnlyList<string> Machines);

/// <summary>Everything a compare report says; the Markdown, JUnit and JSON writers only format it.</summary>
public sealed record ComparisonReport(
    SideInfo Baseline,
    SideInfo Candidate,
    string Threshold,
    double Confidence,
    IReadOnlyList<Phase> Phases,
    bool MachinesDiffer,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<GeoMeanSummary> GeoMeans,
    IReadOnlyList<string> Notes,
    ReferenceUse Reference = ReferenceUse.Adjust)
{
    public int Regressions => Rows.Count(r => r.IsRegression);

    public bool HasRegression => Regressions > 0;
}

/// <summary>Options of a comparison: the threshold (e.g. <c>5%</c>), the phases, the confidence (0.99), and how the machine reference is used.</summary>
public sealed record ComparisonOptions(string Threshold, IReadOnlyList<Phase> Phases, double Confidence = 0.99, ReferenceUse Reference = ReferenceUse.Adjust)
{
    public static ComparisonOptions Default { get; } = new("5%", [Phase.Execution]);

    public double Alpha => 1 - Confidence;
}
