using System.Globalization;
using System.Text;
using System.Xml;

using WasmBench.Analysis.Comparison;

namespace WasmBench.Analysis.Reports;

/// <summary>
/// JUnit XML for CI test tabs: one testcase per (workload, engine), failed when any of its
/// phases regressed significantly beyond the threshold.
/// </summary>
public static class JUnitReport
{
    public static string Render(ComparisonReport report)
    {
        var cases = report.Rows.GroupBy(r => (r.Workload, Engine: r.Series)).OrderBy(g => g.Key).ToList();
        var failures = cases.Count(c => c.Any(r => r.IsRegression));
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(text), settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", $"wasmbench compare {report.Baseline.Name} -> {report.Candidate.Name}");
            xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", "0");
            foreach (var testCase in cases)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", "wasmbench.performance");
                xml.WriteAttributeString("name", $"{testCase.Key.Engine}/{testCase.Key.Workload}");
                var regressions = testCase.Where(r => r.IsRegression).ToList();
                if (regressions.Count > 0)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", $"slower beyond {report.Threshold}: " + string.Join("; ", regressions.Select(Line)));
                    xml.WriteString(string.Join("\n", regressions.Select(Line)));
                    xml.WriteEndElement();
                }

                xml.WriteElementString("system-out", string.Join("\n", testCase.Select(Line)));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return text.Append('\n').ToString();
    }

    private static string Line(ComparisonRow r) =>
        $"{r.Metric}: {ReportFormat.Duration(r.Baseline.Median)} -> {ReportFormat.Duration(r.Candidate.Median)}, ratio {ReportFormat.Ratio(r.Ratio)} (99% {ReportFormat.Interval(r.RatioLower, r.RatioUpper)}), q {ReportFormat.P(r.QValue)}, {ReportFormat.Verdict(r.Verdict)}";

    /// <summary>A StringWriter that declares UTF-8, so the XML declaration says what the file is.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
