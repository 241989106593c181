using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Sandbox;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Js;

/// <summary>
/// A JavaScript engine (V8 in node, SpiderMonkey in js102, JavaScriptCore in bun) running our JS
/// host as a child process for each benchmark task. Each iteration compiles
/// (<c>new WebAssembly.Module</c>), instantiates with the host's WASI layer and runs <c>_start</c>,
/// timed inside the host; the execution deadline starts when the host says it calls <c>_start</c>,
/// and a host that misses it is killed. The module's memories get the task's page limit as their maximum.
/// </summary>
public sealed partial class JsEngine : IBenchmarkEngine
{
    private readonly Lazy<(string? Path, string? Version, string? Problem)> _probe;

    public JsEngine(JsVariant variant, string? searchPath = null)
    {
        Variant = variant;
        _probe = new(() => Task.Run(() => ProbeAsync(variant, searchPath)).GetAwaiter().GetResult());
    }

    public JsVariant Variant { get; }

    public string Id => Variant.Id;

    /// <summary>The version is the one the host reports (node and V8, bun and JavaScriptCore) or the shell's <c>--version</c>.</summary>
    public EngineInfo Info => JsEngineInfo.Create(Variant, _probe.Value.Version);

    public EngineAvailability Availability => _probe.Value.Problem is { } problem
        ? EngineAvailability.Unavailable(problem)
        : EngineAvailability.Available;

    public static IEnumerable<JsEngine> CatalogVariants() => JsVariant.All.Select(v => new JsEngine(v));

    public async Task<BenchmarkOutcome> RunAsync(Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        if (_probe.Value is not { Problem: null, Path: { } path })
        {
            return BenchmarkOutcome.Failure($"{Id} is not available: {Availability.Reason}");
        }

        if (!ExecutableLookup.IsExecutable(path))
        {
            return BenchmarkOutcome.Failure($"{Id}: the engine's binary {path} is gone (it was there when the engine was probed)");
        }

        var (host, _, error) = await JsHost.StartAsync(path, Variant, workload.Directory, Lifetime(settings), cancellationToken);
        if (host is null)
        {
            return BenchmarkOutcome.Failure(error!);
        }

        using (host)
        {
            return await new JsBenchmarkRun(host, workload, settings).RunAsync(cancellationToken);
        }
    }

    /// <summary>The host's whole life for one task: setup and the deadline of every iteration, plus one setup allowance.</summary>
    private static TimeSpan Lifetime(BenchmarkSettings settings) =>
        (JsHost.SetupAllowance + settings.Timeout) * (settings.Iterations + 1);

    private static async Task<(string?, string?, string?)> ProbeAsync(JsVariant variant, string? searchPath)
    {
        if (ExecutableLookup.Find(variant.Executable, searchPath) is not { } path)
        {
            return (null, null, $"'{variant.Executable}' not found on PATH");
        }

        var (host, ready, error) = await JsHost.StartAsync(path, variant, null, JsHost.SetupAllowance, CancellationToken.None);
        if (host is null)
        {
            return (path, null, error);
        }

        host.Dispose();
        var version = ready!.Version;
        if (version is null or "unknown")
        {
            using var scratch = new ScratchDirectory("js-version");
            var answer = await ChildProcess.RunAsync(path, ["--version"], null, scratch.Path, SandboxLimits.Tool, TimeSpan.FromSeconds(20), CancellationToken.None);
            version = answer.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "unknown";
        }

        return (path, version, null);
    }
}
