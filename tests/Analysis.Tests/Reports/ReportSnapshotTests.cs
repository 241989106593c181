using System.Globalization;
using System.Runtime.CompilerServices;
using WasmBench.Analysis.Reports;
using WasmBench.Analysis.Comparison;
using static WasmBench.Analysis.Tests.SyntheticRuns;

namespace WasmBench.Analysis.Tests.Reports;

/// <summary>
/// The Markdown, JUnit and JSON reports against checked-in files, under the invariant culture and
/// cultures that write numbers differently (a decimal comma, other digits grouping). To accept a
/// deliberate change: WASMBENCH_UPDATE_SNAPSHOTS=1 dotnet test --filter ReportSnapshotTests, then review the diff.
/// </summary>
public sealed class ReportSnapshotTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "", "de-DE", "fr-FR" })
        {
            foreach (var format in new[] { "compare.md", "compare.junit.xml", "compare.json" })
            {
                data.Add(culture, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_snapshot(string culture, string file)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var actual = Render(file);
            var expectedPath = Path.Combine(AppContext.BaseDirectory, "Reports", "Snapshots", file);
            if (Environment.GetEnvironmentVariable("WASMBENCH_UPDATE_SNAPSHOTS") == "1" && culture.Length == 0)
            {
                File.WriteAllText(Path.Combine(SourceDirectory(), "Snapshots", file), actual);
            }

            Assert.True(File.Exists(expectedPath), $"the snapshot {expectedPath} is missing");
            Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    internal static ComparisonReport Report()
    {
        var baseline = Run(7, "main",
            Task("fib@small", "wasmtime", 3_290_000, 1),
            Task("sieve@small", "wasmtime", 11_500_000, 2),
            Task("nbody@small", "native", 21_900_000, 3),
            Task("sort@small", "native", 4_000_000, 4));
        var candidate = Run(9, "pr-42",
            Task("fib@small", "wasmtime", 3_300_000, 5),
            Task("sieve@small", "wasmtime", 13_800_000, 6),
            Task("nbody@small", "native", 18_600_000, 7),
            Task("sort@small", "native", 4_000_000, 8, error: "exit code 1"));
        return RunComparer.Compare(Side(baseline, "main (run 7)"), Side(candidate, "pr-42 (run 9)"), ComparisonOptions.Default).Value!;
    }

    private static string Render(string file) => file switch
    {
        "compare.md" => MarkdownReport.Render(Report(), "compare.png"),
        "compare.junit.xml" => JUnitReport.Render(Report()),
        _ => JsonReport.Render(Report()),
    };

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
