using System.Globalization;
using WasmBench.Analysis.Comparison;

namespace WasmBench.Analysis.Reports;

/// <summary>
/// Culture-independent formatting of durations, ratios and verdicts for every report, table and
/// page (snapshots hold under any culture, and the CLI, the API and the dashboard print alike).
/// </summary>
public static class ReportFormat
{
    public static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Interval(double lower, double upper) => $"{Ratio(lower)}..{Ratio(upper)}";

    /// <summary>A ratio to the fastest, as the run table prints it: <c>2.28x</c>.</summary>
    public static string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    public static string Percent(double ratio) => (ratio - 1).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);

    public static string P(double value) => value < 0.0001 ? "<0.0001" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Nanoseconds with a unit that keeps three or four significant digits: <c>3.29 ms</c>, <c>1.20 s</c>, <c>850 ns</c>.</summary>
    public static string Duration(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e9:0.00} s"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e6:0.00} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1e3:0.00} us"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:0} ns"),
    };

    public static string Verdict(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    public static string Phase(Abstractions.Runs.Phase phase) => phase.ToString().ToLowerInvariant();

    /// <summary><c>wasmtime:opt=none 50.0.1</c>: an engine identity as every report, table and page prints it.</summary>
    public static string Engine(Abstractions.Engines.EngineIdentity engine) => engine.ToString();
}
