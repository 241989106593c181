using WasmBench.Integration.Tests.Process;

namespace WasmBench.Integration.Tests.Cluster;

/// <summary>
/// `run --server` against a real `serve` process that is SIGKILLed mid-run: the client says once
/// that the service does not answer, keeps asking, and after its --stall-timeout exits 1 with one
/// line, not a stack trace and not a wait for ever.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClientStallProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_client_whose_service_is_killed_mid_run_gives_up_after_its_stall_timeout_with_exit_code_one()
    {
        var port = FreeTcpPort.Find();
        var url = $"http://127.0.0.1:{port}";
        var serve = ServeProcess.Wasmbench("serve", "--no-seed", "--urls", url, "--db", _dir.File("serve.db"));
        try
        {
            await serve.WaitForPortAsync(port, TimeSpan.FromMinutes(2));
            // Long enough (30 fresh processes) that the service is gone before the run ends.
            var client = WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(5),
                "run", "--server", url, "--suite", "smoke", "--engine", "wasmtime", "--iterations", "50", "--processes", "10", "--stall-timeout", "10");
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            // Once a task has finished the client has long had its answer to starting the run.
            await WasmbenchProcess.WaitUntilAsync(async () => await FinishedTasks(http) > 0, TimeSpan.FromMinutes(2), "no task of the client's run finished");

            await serve.DisposeAsync();
            var (code, stdout, stderr) = await client;

            Assert.True(code == 1, $"exit {code}\n{stdout}\n{stderr}");
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Single(lines, l => l.Contains($"the service at {url}/ does not answer", StringComparison.Ordinal) && l.EndsWith("retrying", StringComparison.Ordinal));
            Assert.Single(lines, l => l.Contains($"did not answer for 10 s", StringComparison.Ordinal) && l.Contains("--stall-timeout", StringComparison.Ordinal));
            Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        }
        finally
        {
            await serve.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_stall_timeout_of_zero_is_refused()
    {
        var (code, _, stderr) = await WasmbenchProcess.RunAsync(TimeSpan.FromMinutes(1),
            "spec", "--server", "http://127.0.0.1:1", "--suite", "wasm-2.0", "--stall-timeout", "0");

        Assert.Equal(2, code);
        Assert.Contains("--stall-timeout must be", stderr, StringComparison.Ordinal);
    }

    private static async Task<int> FinishedTasks(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("api/runs/1", UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                return 0;
            }

            using var report = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var run = report.RootElement.GetProperty("run");
            return run.GetProperty("completedTasks").GetInt32() + run.GetProperty("failedTasks").GetInt32();
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    public void Dispose() => _dir.Dispose();
}
