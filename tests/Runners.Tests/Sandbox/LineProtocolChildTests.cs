using WasmBench.Runners.Sandbox;

namespace WasmBench.Runners.Tests.Sandbox;

/// <summary>
/// The long-lived child (the JS hosts' launcher) runs under the same sandbox as every other child:
/// a real <c>/bin/sh</c> reading commands on stdin tries what a hostile JS shell would.
/// </summary>
public sealed class LineProtocolChildTests : IDisposable
{
    private const string SecretVariable = "WASMBENCH_LINE_CHILD_SECRET";
    private readonly TempFolder _workload = new();

    [Fact]
    public async Task A_shell_started_as_a_line_child_sees_no_secret_no_etc_and_cannot_write_its_workload()
    {
        Environment.SetEnvironmentVariable(SecretVariable, "s3cret");
        _workload.Write("input.txt", "workload input\n");
        using var child = await StartShellAsync();

        Assert.Equal("absent", await AskAsync(child, $"echo \"${{{SecretVariable}:-absent}}\""));
        Assert.Equal("blocked", await AskAsync(child, "cat /etc/passwd >/dev/null 2>&1 && echo read || echo blocked"));
        Assert.Equal("workload input", await AskAsync(child, $"cat {_workload.Path}/input.txt"));
        Assert.Equal("blocked", await AskAsync(child, $"touch {_workload.Path}/escape 2>/dev/null && echo wrote || echo blocked"));
        Assert.False(File.Exists(Path.Combine(_workload.Path, "escape")));
    }

    [Fact]
    public async Task Disposing_the_child_ends_what_it_started_in_the_background()
    {
        const string marker = "314159";
        using (var child = await StartShellAsync())
        {
            Assert.Equal("started", await AskAsync(child, $"(sleep {marker} &) ; echo started"));
            // "started" can come back before the backgrounded subshell has exec'd sleep: look for up to 5 s.
            var running = Survivors.Find($"sleep {marker}");
            for (var i = 0; i < 50 && running.Count == 0; i++)
            {
                await Task.Delay(100);
                running = Survivors.Find($"sleep {marker}");
            }

            Assert.NotEmpty(running);
        }

        // A torn-down namespace takes a moment to reap, longer on a loaded machine: up to 10 s.
        var survivors = await Survivors.AfterAMomentAsync($"sleep {marker}");
        for (var i = 0; i < 4 && survivors.Count > 0; i++)
        {
            survivors = await Survivors.AfterAMomentAsync($"sleep {marker}");
        }

        Assert.Empty(survivors);
    }

    [Fact]
    public async Task The_launch_deadline_bounds_the_childs_whole_life()
    {
        using var child = await StartShellAsync(TimeSpan.FromSeconds(2));

        var reply = await child.ReadLineAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(reply.Ended, "the child outlived its launch deadline");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(SecretVariable, null);
        _workload.Dispose();
    }

    private async Task<LineProtocolChild> StartShellAsync(TimeSpan? lifetime = null)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"wasmbench-test-line-{Guid.NewGuid():N}");
        var (child, refused) = await LineProtocolChild.StartAsync(
            new ChildLaunch("/bin/sh", [], _workload.Path, scratch, SandboxLimits.Tool, lifetime ?? TimeSpan.FromMinutes(2)));
        Assert.Null(refused);
        return child!;
    }

    private static async Task<string?> AskAsync(LineProtocolChild child, string command)
    {
        await child.SendAsync(command, CancellationToken.None);
        var reply = await child.ReadLineAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.False(reply.TimedOut, $"no answer to {command}; stderr: {child.Stderr}");
        return reply.Line;
    }
}
