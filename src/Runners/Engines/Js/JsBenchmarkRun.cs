using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Js;

/// <summary>One benchmark task's iterations on a started JS host.</summary>
internal sealed class JsBenchmarkRun(JsHost host, Workload workload, BenchmarkSettings settings)
{
    public async Task<BenchmarkOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var request = new
        {
            op = "bench",
            wasm = workload.ModulePath,
            dir = workload.Directory,
            stem = workload.Stem,
            args = workload.Args,
            maxMemoryPages = settings.MaxMemoryPages,
        };
        var timings = new List<IterationTiming>(settings.Iterations);
        var (stdout, stderr) = ("", "");
        for (var i = 0; i < settings.Iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await host.SendAsync(request, cancellationToken);
            var (reply, error) = await ReadIterationAsync(cancellationToken);
            if (error is not null)
            {
                return BenchmarkOutcome.Failure($"iteration {i}: {error}", reply?.Stdout ?? "", reply?.Stderr ?? "");
            }

            timings.Add(new IterationTiming(i, reply!.CompileNs, reply.InstantiateNs, reply.ExecuteNs));
            (stdout, stderr) = (reply.Stdout ?? "", reply.Stderr ?? "");
        }

        return new BenchmarkOutcome(timings, stdout, stderr, 0, null);
    }

    /// <summary>Waits for "executing" (setup allowance), then for the answer (the task's deadline).</summary>
    private async Task<(JsIterationReply? Reply, string? Error)> ReadIterationAsync(CancellationToken cancellationToken)
    {
        var timeout = JsHost.SetupAllowance;
        while (true)
        {
            var line = await host.ReadAsync(timeout, cancellationToken);
            if (line.TimedOut)
            {
                return (null, timeout == settings.Timeout
                    ? $"execution exceeded the deadline of {settings.Timeout.TotalSeconds:0.###} s"
                    : $"the JS host did not compile and instantiate within {timeout.TotalSeconds:0} s");
            }

            if (line.Ended)
            {
                return (null, $"the JS host exited (code {host.ExitCode}): {JsHost.Tail(host.Stderr)}");
            }

            if (line.Line!.Contains("\"executing\":true", StringComparison.Ordinal))
            {
                timeout = settings.Timeout;
                continue;
            }

            var reply = JsHost.Parse<JsIterationReply>(line.Line);
            return reply switch
            {
                null => (null, $"the JS host printed an unexpected line: {JsHost.Tail(line.Line)}"),
                { Ok: false } => (reply, reply.Error ?? "failed"),
                _ => (reply, null),
            };
        }
    }
}
