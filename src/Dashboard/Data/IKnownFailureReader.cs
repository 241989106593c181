namespace WasmBench.Dashboard.Data;

/// <summary>The reviewed known failures of the spec testsuite, as the conformance drill-down marks a failing command known or unexpected.</summary>
public interface IKnownFailureReader
{
    /// <summary>The reason a command is a reviewed known failure, or null when its failure is unexpected.</summary>
    string? Reason(string suite, string engine, string file, int line);
}

/// <summary>A dashboard without reviewed lists: no failure is known.</summary>
internal sealed class NoKnownFailures : IKnownFailureReader
{
    public string? Reason(string suite, string engine, string file, int line) => null;
}
