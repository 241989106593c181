using System.Text.Json.Serialization;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Analysis.Statistics;

namespace WasmBench.Analysis.Comparison;

/// <summary>
/// The verdict on one (workload, engine, phase): candidate faster, slower, or the same as the
/// baseline; or undecided, when the sides have too few samples for the test to reach its level at
/// all (with 3 samples a side the smallest Mann-Whitney p is 0.1), so "same" would claim what the
/// data cannot show. New members go last (the values are serialized).
/// </summary>
public enum Verdict
{
    Same,
    Faster,
    Slower,
    Undecided,
}

/// <summary>
/// One (workload, engine, phase) comparison. <see cref="Ratio"/> is candidate median / baseline
/// median with its 99% interval; <see cref="PValue"/> is the Mann-Whitney p-value of a change
/// beyond the threshold (the smaller one-sided p, doubled), <see cref="QValue"/> the same after
/// Benjamini-Hochberg over every row of the comparison; <see cref="Equivalence"/> is Perfolizer's
/// SimpleEquivalenceTest at the unadjusted level (greater / indistinguishable / lesser / unknown).
/// <see cref="Machine"/> names the machine when a pair was measured on several (a farm): each
/// machine's results are compared with the same machine's, never pooled.
/// </summary>
public sealed record ComparisonRow(
    string Workload,
    string Engine,
    [property: JsonPropertyName("phase")] Metric Metric,
    SampleSummary Baseline,
    SampleSummary Candidate,
    double Ratio,
    double RatioLower,
    double RatioUpper,
    double PValue,
    double QValue,
    string Equivalence,
    Verdict Verdict,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Machine = null)
{
    public bool IsRegression => Verdict == Verdict.Slower;

    /// <summary>The engine, and the machine when the report has to say which: <c>wasmtime</c>, <c>wasmtime on runner-2</c>.</summary>
    [JsonIgnore]
    public string Series => Machine is null ? Engine : $"{Engine} on {Machine}";
}

/// <summary>The geometric mean of the ratios of one phase over every compared pair.</summary>
public sealed record GeoMeanSummary([property: JsonPropertyName("phase")] Metric Metric, int Pairs, double Ratio, int Faster, int Slower, int Same, int Undecided = 0);

/// <summary>Which run a side is: a stored run (id, label) or a file (its name, never its path); its machines, and the engine builds it measured (<see cref="Abstractions.Engines.EngineIdentity"/> as every report prints it).</summary>
public sealed record SideInfo(string Name, long? RunId, string? Label, string Suite, int Processes, int Iterations, int Warmup, IReadOnlyList<string> Machines, IReadOnlyList<string> Engines);

/// <summary>A run on one side of a comparison, with how the report names it.</summary>
public sealed record ComparisonSide(RunReport Report, SideInfo Info)
{
    /// <param name="name">How the report names the run: <c>main (run 7)</c>, or a file's name (never its path).</param>
    /// <param name="stored">Whether the run comes from the store (then the report shows its id) or from a file.</param>
    public static ComparisonSide Of(RunReport report, string name, bool stored) => new(report, new SideInfo(
        name,
        stored ? report.Run.Id : null,
        report.Run.Label,
        Path.GetFileName(report.Run.Suite),
        report.Run.Processes,
        report.Run.Iterations,
        report.Run.Warmup,
        [.. report.Pairs.Select(p => p.Machine).OfType<MachineFingerprint>().Select(m => $"{m.CpuModel} x{m.Cores} ({m.Hash})").Distinct().Order()],
        [.. report.Pairs.Select(p => p.Engine).Distinct().Select(e => e.ToString()).Order(StringComparer.Ordinal)]));
}

/// <summary>Everything a compare report says; the Markdown, JUnit and JSON writers only format it.</summary>
public sealed record ComparisonReport(
    SideInfo Baseline,
    SideInfo Candidate,
    string Threshold,
    double Confidence,
    [property: JsonPropertyName("phases")] IReadOnlyList<Metric> Metrics,
    bool MachinesDiffer,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<GeoMeanSummary> GeoMeans,
    IReadOnlyList<string> Notes,
    ReferenceUse Reference = ReferenceUse.Adjust)
{
    public int Regressions => Rows.Count(r => r.IsRegression);

    public bool HasRegression => Regressions > 0;
}

/// <summary>Options of a comparison: the threshold (e.g. <c>5%</c>), the phases (or the machine reference), the confidence (0.99), and how the machine reference is used.</summary>
public sealed record ComparisonOptions(string Threshold, IReadOnlyList<Metric> Metrics, double Confidence = 0.99, ReferenceUse Reference = ReferenceUse.Adjust)
{
    public static ComparisonOptions Default { get; } = new("5%", [Phase.Execution]);

    public double Alpha => 1 - Confidence;

    /// <summary>Why <paramref name="threshold"/> is not a threshold (a percentage such as 5% or a time such as 2ms), or null.</summary>
    public static string? ThresholdError(string threshold) =>
        Perfolizer.Metrology.Threshold.TryParse(threshold, out _) ? null : $"invalid threshold '{threshold}': use a percentage such as 5% or a time such as 2ms";

    /// <summary>The options as users write them (<c>--threshold 5% --phase all --reference detect</c>, or the API's query), or what is wrong with them.</summary>
    public static Result<ComparisonOptions> Parse(string threshold, string phase, string reference)
    {
        if (ThresholdError(threshold) is { } thresholdError)
        {
            return Result<ComparisonOptions>.Failure(thresholdError);
        }

        var metrics = ParseMetrics(phase);
        var use = ParseReference(reference);
        return !metrics.Succeeded ? Result<ComparisonOptions>.Failure(metrics.Error)
            : !use.Succeeded ? Result<ComparisonOptions>.Failure(use.Error)
            : Result<ComparisonOptions>.Success(new ComparisonOptions(threshold, metrics.Value, Reference: use.Value));
    }

    /// <summary><c>execution</c>, <c>compilation</c>, <c>instantiation</c>, <c>all</c> (those three) or <c>reference</c> (the machine reference).</summary>
    public static Result<IReadOnlyList<Metric>> ParseMetrics(string phase) => phase.ToLowerInvariant() switch
    {
        "all" => Result<IReadOnlyList<Metric>>.Success([Phase.Compilation, Phase.Instantiation, Phase.Execution]),
        "reference" => Result<IReadOnlyList<Metric>>.Success([Metric.MachineReference]),
        _ when Enum.TryParse<Phase>(phase, ignoreCase: true, out var p) && Enum.IsDefined(p) && !phase.Any(char.IsDigit) => Result<IReadOnlyList<Metric>>.Success([p]),
        _ => Result<IReadOnlyList<Metric>>.Failure($"unknown phase '{phase}'; use execution, compilation, instantiation, all or reference"),
    };

    /// <summary><c>adjust</c>, <c>detect</c> or <c>off</c>.</summary>
    public static Result<ReferenceUse> ParseReference(string reference) =>
        Enum.TryParse(reference, ignoreCase: true, out ReferenceUse use) && Enum.IsDefined(use) && !reference.Any(char.IsDigit)
            ? Result<ReferenceUse>.Success(use)
            : Result<ReferenceUse>.Failure($"unknown --reference '{reference}'; use adjust, detect or off");
}
