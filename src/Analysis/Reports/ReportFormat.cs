using System.Globalization;
using WasmBench.Silo.Cli;

namespace WasmBench.Silo.Comparison;

/// <summary>Culture-independent number formatting for every report (snapshots hold under any culture).</summary>
public static class ReportFormat
{
    public static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Interval(double lower, double upper) => $"{Ratio(lower)}..{Ratio(upper)}";

    public static string Percent(double ratio) => (ratio - 1).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture);

    public static string P(double value) => value < 0.0001 ? "<0.0001" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Duration(double nanoseconds) => RunTable.FormatDuration(nanoseconds);

    public static string Verdict(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    public static string Phase(Abstractions.Runs.Phase phase) => phase.ToString().ToLowerInvariant();
}
