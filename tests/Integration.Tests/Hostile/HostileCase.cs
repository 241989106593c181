using WasmBench.Abstractions.Results;

namespace WasmBench.Integration.Tests.Hostile;

/// <summary>What a hostile case must end with, besides what every case must (no leak, no escape, no survivor).</summary>
public enum HostileEnd
{
    /// <summary>The attack failed and the workload said so (its expected output), or the engine refused it with a per-task error.</summary>
    RefusedOrBlocked,

    /// <summary>A per-task error (a deadline, a trap, a limit): the workload never ends on its own.</summary>
    Error,

    /// <summary>A per-task error or a finished run: the workload stops at a limit, or is stopped.</summary>
    Either,
}

/// <summary>
/// One hostile workload of issue 18's acceptance list: a module for the wasm engines (from WAT, from
/// C through clang-14 for wasm32-wasi, or made byte by byte) and a C program for native, either of
/// which may be missing. <see cref="Slow"/> cases run only in the Slow test. <see cref="MaxMemoryPages"/>
/// is the task's wasm memory limit. <see cref="LoadMayOutlastTheChild"/> (reviewed, for the 1 GB
/// module only): the engine may still be loading when the measuring child's own budget (its margin plus
/// the iteration deadlines) runs out, so the runner's timeout of the child is an accepted end.
/// </summary>
public sealed record HostileCase(string Name, HostileEnd End, string? Wat = null, string? WasmC = null, string? NativeC = null,
    string? Expected = null, bool Slow = false, Action<string>? Module = null, int MaxMemoryPages = 4096, bool LoadMayOutlastTheChild = false)
{
    public bool HasModule => Wat is not null || WasmC is not null || Module is not null;

    public void Check(TaskResult result)
    {
        switch (End)
        {
            case HostileEnd.RefusedOrBlocked:
                Assert.True(result.Output == OutputVerdict.Matched || (result.Error is not null && result.Output != OutputVerdict.Mismatched),
                    $"neither blocked nor refused: {result.Output}, {result.Error}");
                break;
            case HostileEnd.Error:
                Assert.True(result.Error is not null, $"ended without an error: {result.Output}");
                break;
        }
    }
}
