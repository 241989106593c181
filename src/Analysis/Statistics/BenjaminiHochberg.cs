namespace WasmBench.Analysis.Statistics;

/// <summary>
/// Benjamini-Hochberg false-discovery-rate control: adjusted p-values (q-values) such that
/// rejecting every hypothesis with q &lt;= alpha keeps the expected share of false discoveries
/// among the rejections at or below alpha.
/// </summary>
public static class BenjaminiHochberg
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var adjusted = new double[m];
        var order = Enumerable.Range(0, m).OrderByDescending(i => pValues[i]).ToArray();
        var running = 1.0;
        for (var k = 0; k < m; k++)
        {
            var i = order[k];
            var rank = m - k;
            running = Math.Min(running, pValues[i] * m / rank);
            adjusted[i] = Math.Min(1, running);
        }

        return adjusted;
    }
}
