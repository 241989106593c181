namespace WasmBench.Silo.Cli;

/// <summary>The comma-separated engine ids of <c>--engine</c> (and <c>--spec-engine</c>): empty means every available engine.</summary>
public static class EngineList
{
    public static string[] Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
