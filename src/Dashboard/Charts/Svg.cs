namespace WasmBench.Dashboard.Charts;

/// <summary>ScottPlot's SVG made to scale with its box and to name itself to assistive technology.</summary>
internal static class Svg
{
    public static string Scalable(string svg, int width, int height, string label)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg[start..] : svg;
        return svg.Replace("<svg ", $"<svg viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" ", StringComparison.Ordinal);
    }
}
