using WasmBench.Abstractions;
using System.Globalization;
using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Sandbox;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Wasm2c;

/// <summary>
/// Ahead-of-time through C: WABT's <c>wasm2c</c> translates the module, the C compiler builds it at
/// <c>-O2</c> with Debian's <c>wasm-rt-impl.c</c> and our runtime (<c>wasmbench_wasm2c.c</c>: main,
/// a minimal WASI preview1, the bench markers), once per module content (<see cref="Wasm2cBuildCache"/>).
/// Each iteration is one child process: instantiation and execution are timed inside it;
/// compilation happens once per build, so it is not an iteration's phase.
/// </summary>
public sealed class Wasm2cEngine : IBenchmarkEngine
{
    public const string CacheEnvironmentVariable = "WASMBENCH_WASM2C_CACHE";

    private readonly Lazy<Wasm2cToolchain> _toolchain;
    private readonly string? _cacheDirectory;

    public Wasm2cEngine(string? searchPath = null, string? cacheDirectory = null, string runtimeDirectory = Wasm2cToolchain.DefaultRuntimeDirectory)
    {
        _cacheDirectory = cacheDirectory;
        _toolchain = new(() => Task.Run(() => Wasm2cToolchain.FindAsync(searchPath, runtimeDirectory)).GetAwaiter().GetResult());
    }

    public string Id => "wasm2c";

    public EngineInfo Info => Wasm2cEngineInfo.Create(_toolchain.Value);

    public EngineAvailability Availability => _toolchain.Value.Problem is { } problem ? EngineAvailability.Unavailable(problem) : EngineAvailability.Available;

    /// <summary><c>$WASMBENCH_WASM2C_CACHE</c>, else <c>$XDG_CACHE_HOME/wasmbench/wasm2c</c>, else <c>~/.cache/wasmbench/wasm2c</c>.</summary>
    public string CacheDirectory => _cacheDirectory
        ?? (Environment.GetEnvironmentVariable(CacheEnvironmentVariable) is { Length: > 0 } e ? e
            : Path.Combine(Path.GetDirectoryName(NativeEngineOptions.DefaultCacheDirectory())!, "wasm2c"));

    public Task<Result<NativeBuild>> BuildAsync(Workload workload, CancellationToken cancellationToken) =>
        Availability.IsAvailable
            ? new Wasm2cBuildCache(_toolchain.Value, CacheDirectory).GetOrBuildAsync(workload, cancellationToken)
            : Task.FromResult(Result<NativeBuild>.Failure($"wasm2c is not available: {Availability.Reason}"));

    public async Task<BenchmarkOutcome> RunAsync(Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var build = await BuildAsync(workload, cancellationToken);
        if (!build.Succeeded)
        {
            return BenchmarkOutcome.Failure(build.Error);
        }

        var timings = new List<IterationTiming>(settings.Iterations);
        var (stdout, stderr) = ("", "");
        for (var i = 0; i < settings.Iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (timing, result, error) = await RunIterationAsync(build.Value.ExecutablePath, workload, settings, i, cancellationToken);
            if (error is not null)
            {
                return BenchmarkOutcome.Failure($"iteration {i}: {error}", result?.Stdout ?? "", result?.Stderr ?? "");
            }

            timings.Add(timing!);
            (stdout, stderr) = (result!.Stdout, result.Stderr);
        }

        return new BenchmarkOutcome(timings, stdout, stderr, 0, null);
    }

    private static async Task<(IterationTiming?, ChildProcessResult?, string?)> RunIterationAsync(
        string executable, Workload workload, BenchmarkSettings settings, int iteration, CancellationToken cancellationToken)
    {
        if (!File.Exists(executable))
        {
            return (null, null, $"the built executable {executable} is gone");
        }

        using var scratch = new ScratchDirectory("wasm2c");
        var timingFile = scratch.File("timing");
        {
            var environment = new Dictionary<string, string>
            {
                ["WASMBENCH_TIMING_FILE"] = timingFile,
                ["WASMBENCH_MAX_PAGES"] = settings.MaxMemoryPages.ToString(CultureInfo.InvariantCulture),
            };
            var result = await ChildProcess.RunAsync(
                new ChildLaunch(executable, [workload.Stem, .. workload.Args], Path.GetFullPath(workload.Directory), scratch.Path, SandboxLimits.Workload, settings.Timeout) { Environment = environment },
                cancellationToken);
            if (result.Refused is { } refused)
            {
                return (null, result, refused);
            }

            if (result.TimedOut)
            {
                return (null, result, $"execution exceeded the deadline of {settings.Timeout.TotalSeconds:0.###} s");
            }

            var report = File.Exists(timingFile) ? (await File.ReadAllTextAsync(timingFile, cancellationToken)).Trim().Split('\t') : [];
            return report switch
            {
                ["ok", var inst, var exec] when result.ExitCode == 0 => (new IterationTiming(iteration, null, Ns(inst), Ns(exec)), result, null),
                [var status, _, _] when status.StartsWith("trap ", StringComparison.Ordinal) => (null, result, status),
                ["instantiation-failed", _, _] => (null, result, result.Stderr.Trim()),
                _ => (null, result, $"the program exited with code {result.ExitCode}"),
            };
        }
    }

    private static long Ns(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
