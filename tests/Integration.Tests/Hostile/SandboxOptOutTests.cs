using WasmBench.Abstractions.Results;
using WasmBench.Integration.Tests.Process;

namespace WasmBench.Integration.Tests.Hostile;

/// <summary>
/// The hostile suite is not vacuous: the same `native` workload that reads /etc/passwd prints
/// "blocked" (its expected output) through the real `wasmbench run` in the sandbox, and leaks the
/// file when the operator opts out of the sandbox (WASMBENCH_UNSANDBOXED=1), which its check then
/// sees as a mismatch holding the file's first line.
/// </summary>
[Trait("Category", "Slow")] // Two real CLI runs that build and run a C program.
public sealed class SandboxOptOutTests(HostileWorkloads workloads) : IClassFixture<HostileWorkloads>, IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_read_of_etc_passwd_is_blocked_in_the_sandbox_and_caught_as_a_leak_without_it()
    {
        var hostile = HostileCases.All.Single(c => c.Name == "read_passwd_absolute");
        var suite = workloads.For(hostile, native: true).Directory;

        var sandboxed = await RunAsync(suite, "sandboxed", unsandboxed: false);
        var pair = Assert.Single(sandboxed.Report.Pairs);
        Assert.True(pair.Output == OutputVerdict.Matched, $"in the sandbox: {pair.Output} {pair.Error}");
        Assert.DoesNotContain("root:x:0:0", sandboxed.Text, StringComparison.Ordinal);

        var open = await RunAsync(suite, "open", unsandboxed: true);
        pair = Assert.Single(open.Report.Pairs);
        Assert.True(pair.Output == OutputVerdict.Mismatched, $"without the sandbox: {pair.Output} {pair.Error}");
        Assert.Contains("root:x:0:0", open.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private async Task<(RunReport Report, string Text)> RunAsync(string suite, string name, bool unsandboxed)
    {
        var json = _dir.File($"{name}.json");
        using var run = WasmbenchProcess.Start(
            ["run", "--suite", suite, "--engine", "native", "--iterations", "1", "--processes", "1", "--warmup", "0", "--remeasure", "0", "--db", _dir.File($"{name}.db"), "--json", json],
            unsandboxed ? new Dictionary<string, string> { ["WASMBENCH_UNSANDBOXED"] = "1" } : null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await run.WaitForExitAsync(timeout.Token);
        Assert.True(File.Exists(json), $"the {name} run wrote no report (exit code {run.ExitCode})");
        var text = File.ReadAllText(json);
        return (Analysis.Files.RunFile.Read(text, json).Value!, text);
    }
}
