using System.Globalization;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Sandbox;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Native;

/// <summary>
/// The workload's C source built with the host C compiler at <c>-O2</c> (plus the timing
/// shim) and run as a child process per iteration: cwd = the workload folder, args =
/// <see cref="Workload.Args"/> (argv[0] is the cached executable's path, named after the
/// stem), killed at the deadline. Only the execution phase exists; it is what the shim
/// measured between the bench markers. Each process runs sandboxed (<see cref="ChildProcess"/>): it
/// sees its workload folder read-only and a scratch folder, under the rlimits of
/// <see cref="NativeEngineOptions.Limits"/>.
/// </summary>
public sealed class NativeEngine : IBenchmarkEngine
{
    private readonly NativeEngineOptions _options;
    private readonly Lazy<CCompiler?> _compiler;
    private readonly Lazy<EngineInfo> _info;

    /// <summary>Why native reports execution only.</summary>
    public const string PhaseNote = "the C source is built once per node (cached) and there is no wasm to compile or instantiate; execution is timed between the bench markers (else from the shim's constructor to its destructor)";

    public NativeEngine(NativeEngineOptions? options = null)
    {
        _options = options ?? new NativeEngineOptions();
        _compiler = new(() => Task.Run(() =>
            CCompiler.FindAsync(_options.ResolvedSearchPath, _options.ResolvedCompilerNames, CancellationToken.None)).GetAwaiter().GetResult());
        _info = new(() => (_compiler.Value is { } compiler
            // The build: which compiler, at which version, with which flags (the build cache's key, without the sources).
            ? new EngineInfo("native", compiler.Version, EngineKind.Native, [], build: EngineBuild.Of([compiler.Path, compiler.Version, .. NativeEngineOptions.CompilerFlags, .. NativeEngineOptions.LinkFlags]))
            : new EngineInfo("native", "unavailable", EngineKind.Native, [])) with
        {
            Phases = [Abstractions.Runs.Phase.Execution],
            PhaseNote = PhaseNote,
        });
    }

    /// <summary>Who this engine is; the version is the compiler's version line (found on first use).</summary>
    public EngineInfo Info => _info.Value;

    public EngineAvailability Availability => _compiler.Value is null
        ? EngineAvailability.Unavailable(ChildProcess.Unavailable ?? $"no C compiler found on PATH ({string.Join(", ", _options.ResolvedCompilerNames)})")
        : EngineAvailability.Available;

    /// <summary>The compiler in use, when one was found.</summary>
    public CCompiler? Compiler => _compiler.Value;

    /// <summary>Builds (or finds in the cache) the workload's executable; <see cref="RunAsync"/> does this first.</summary>
    public Task<Result<NativeBuild>> BuildAsync(Workload workload, CancellationToken cancellationToken) =>
        _compiler.Value is { } compiler
            ? new NativeBuildCache(compiler, _options.ResolvedCacheDirectory).GetOrBuildAsync(workload, cancellationToken)
            : Task.FromResult(Result<NativeBuild>.Failure(Availability.Reason ?? "native is not available"));

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
            var (ns, result, error) = await RunIterationAsync(build.Value.ExecutablePath, workload, settings, _options.Limits ?? SandboxLimits.Workload, cancellationToken);
            if (error is not null)
            {
                return BenchmarkOutcome.Failure($"iteration {i}: {error}", result.Stdout, result.Stderr);
            }

            timings.Add(new IterationTiming(i, null, null, ns));
            (stdout, stderr) = (result.Stdout, result.Stderr);
        }

        return new BenchmarkOutcome(timings, stdout, stderr, 0, null);
    }

    private static async Task<(long Ns, ChildProcessResult Result, string? Error)> RunIterationAsync(
        string executable, Workload workload, BenchmarkSettings settings, SandboxLimits limits, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchDirectory("native");
        var timingFile = scratch.File("timing");
        {
            var environment = new Dictionary<string, string> { [NativeShim.TimingFileVariable] = timingFile };
            var result = await ChildProcess.RunAsync(
                new ChildLaunch(executable, workload.Args, Path.GetFullPath(workload.Directory), scratch.Path, limits, settings.Timeout) { Environment = environment },
                cancellationToken);
            if (result.Refused is { } refused)
            {
                return (0, result, refused);
            }

            if (result.TimedOut)
            {
                return (0, result, $"execution exceeded the deadline of {settings.Timeout.TotalSeconds:0.###} s");
            }

            if (result.ExitCode != 0)
            {
                // prlimit and bwrap pass a signal death on as 128 + the signal (SIGXCPU 24, SIGXFSZ 25, SIGKILL 9).
                return (0, result, result.ExitCode > 128 ? $"the program was killed by signal {result.ExitCode - 128} (a sandbox limit, or a crash)" : $"the program exited with code {result.ExitCode}");
            }

            var text = File.Exists(timingFile) ? (await File.ReadAllTextAsync(timingFile, cancellationToken)).Trim() : "";
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ns)
                ? (ns, result, null)
                : (0, result, "the program reported no execution time (the native shim's timing file is empty)");
        }
    }
}
