using System.Diagnostics;
using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Sandbox;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Engines.Command;

/// <summary>
/// Any WASI command-line runtime, from a <see cref="CommandPreset"/>: one child process per
/// iteration, sandboxed (<see cref="ChildProcess"/>: the workload folder read-only, a scratch folder,
/// an empty environment, rlimits; cwd = the workload folder, stdin closed, killed at the deadline). Only the whole
/// process can be timed, so each iteration's execution is the process's wall time, compilation and
/// start-up included (<see cref="BenchmarkOutcome.Note"/> says so); compilation and instantiation
/// are not separated. Linear-memory limits are the runtime's own.
/// </summary>
public sealed class CommandEngine : IBenchmarkEngine
{
    /// <summary>Stated in every outcome of a command engine.</summary>
    public const string TimingNote = "whole-process timing: execution is the runtime process's wall time, including its start-up, compilation and instantiation";

    private readonly Lazy<CommandProbeResult> _probe;

    public CommandEngine(CommandPreset preset, CommandEngineOptions? options = null)
    {
        Preset = preset;
        var resolved = options ?? new CommandEngineOptions();
        _probe = new(() => Task.Run(() => CommandProbe.RunAsync(preset, resolved)).GetAwaiter().GetResult());
    }

    public CommandPreset Preset { get; }

    public string Id => Preset.Id;

    /// <summary>The version is the runtime's <c>--version</c> line, found on first use.</summary>
    public EngineInfo Info => CommandEngineInfo.Create(Preset, _probe.Value.Version);

    public EngineAvailability Availability => _probe.Value switch
    {
        { Problem: { } problem } => EngineAvailability.Unavailable(problem),
        _ => EngineAvailability.Available,
    };

    /// <summary>Every preset of <see cref="CommandPreset.All"/>, with the default lookup.</summary>
    public static IEnumerable<CommandEngine> CatalogPresets() => CommandPreset.All.Select(p => new CommandEngine(p));

    public async Task<BenchmarkOutcome> RunAsync(Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        if (!Availability.IsAvailable || _probe.Value.Path is not { } path)
        {
            return BenchmarkOutcome.Failure($"{Preset.Id} is not available: {Availability.Reason}");
        }

        if (WasmImportModules.Read(await File.ReadAllBytesAsync(workload.ModulePath, cancellationToken)) is { } imports && imports.Contains("bench"))
        {
            return BenchmarkOutcome.Failure($"{workload.Name} imports bench.start/bench.end, which a command-line runtime cannot provide; {Preset.Id} runs workloads without the markers");
        }

        var timings = new List<IterationTiming>(settings.Iterations);
        var (stdout, stderr) = ("", "");
        for (var i = 0; i < settings.Iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (ns, result, error) = await RunIterationAsync(path, workload, settings, cancellationToken);
            if (error is not null)
            {
                return BenchmarkOutcome.Failure($"iteration {i}: {error}", result?.Stdout ?? "", result?.Stderr ?? "") with { Note = TimingNote };
            }

            timings.Add(new IterationTiming(i, null, null, ns));
            (stdout, stderr) = (result!.Stdout, result.Stderr);
        }

        return new BenchmarkOutcome(timings, stdout, stderr, 0, null) { Note = TimingNote };
    }

    private async Task<(long Ns, ChildProcessResult? Result, string? Error)> RunIterationAsync(
        string path, Workload workload, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        if (!ExecutableLookup.IsExecutable(path))
        {
            return (0, null, $"the runtime's binary {path} is gone (it was there when the engine was probed)");
        }

        var folder = Path.GetFullPath(workload.Directory);
        var args = Preset.Expand(Path.GetFullPath(workload.ModulePath), folder, workload.Args);
        using var scratch = new ScratchDirectory("command");
        var started = Stopwatch.GetTimestamp();
        ChildProcessResult result;
        try
        {
            result = await ChildProcess.RunAsync(path, args, folder, scratch.Path, SandboxLimits.Tool, settings.Timeout, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (0, null, $"the runtime's binary {path} did not start: {e.Message}");
        }

        var ns = (long)Stopwatch.GetElapsedTime(started).TotalNanoseconds;
        if (result.Refused is { } refused)
        {
            return (0, result, refused);
        }

        if (result.TimedOut)
        {
            return (0, result, $"execution exceeded the deadline of {settings.Timeout.TotalSeconds:0.###} s");
        }

        return result.ExitCode == 0 ? (ns, result, null) : (0, result, $"the program exited with code {result.ExitCode}");
    }
}
