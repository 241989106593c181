using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Measurement;
using WasmBench.Runners.Sandbox;

namespace WasmBench.Runners.Worker;

/// <summary>
/// Measures tasks in a fresh, sandboxed child process (`wasmbench measure --request -`), so in-process
/// engines start from fresh state in every process of a run. The child prints one JSON array of
/// <see cref="TaskMeasurement"/> on stdout.
/// </summary>
/// <param name="FileName">The executable: the wasmbench apphost, or `dotnet`.</param>
/// <param name="PrefixArgs">Arguments before the verb, e.g. the path of wasmbench.dll under `dotnet`.</param>
public sealed record ChildMeasurer(string FileName, IReadOnlyList<string> PrefixArgs)
{
    public const string Verb = "measure";

    public async Task<IReadOnlyList<TaskMeasurement>> MeasureAsync(IReadOnlyList<TaskMeasurementRequest> requests, CancellationToken cancellationToken)
    {
        // The request goes in on stdin and the child works in a sandbox whose scratch folder is
        // removed here, and whose processes die with this one: a killed runner leaves nothing behind.
        try
        {
            // A tmpfs inside the sandbox: a kill -9 of this process leaves no folder behind.
            using var scratch = new ScratchDirectory("measure", onHost: Bubblewrap.OptedOut);
            // Each iteration has its own deadline inside the child; this one catches a stuck child.
            var budget = Margin + TimeSpan.FromSeconds(requests.Sum(r => (r.Warmup + r.Iterations) * r.TimeoutSeconds));
            using var reservation = MeasuringCpu.TryReserve();
            string[] cpuArgs = reservation is null ? [] : ["--cpu", reservation.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            var nativeCache = NativeEngineOptions.DefaultCacheDirectory();
            var launch = new ChildLaunch(FileName, [.. PrefixArgs, Verb, "--request", "-", .. cpuArgs], null, scratch.Path, Limits, budget)
            {
                Stdin = JsonSerializer.Serialize(requests, WasmBenchJson.Options),
                PrivateScratch = true,
                ReadOnlyPaths = [AppContext.BaseDirectory, .. PrefixArgs.Where(Path.IsPathRooted).Select(Path.GetDirectoryName).OfType<string>(),
                    .. requests.Select(r => Path.GetFullPath(r.Workload.Directory)), .. requests.Select(r => Path.GetDirectoryName(Path.GetFullPath(r.Workload.ModulePath))!),
                    .. requests.Select(r => NativeBuildCache.IncludeFolder(r.Workload.Directory)), nativeCache],
                Environment = new Dictionary<string, string>(DotnetChildEnvironment.For(Limits.MemoryBytes))
                {
                    [NativeEngineOptions.CacheEnvironmentVariable] = nativeCache,
                },
            };
            var result = await ChildProcess.RunAsync(launch, cancellationToken);
            if (result.Refused is { } refused)
            {
                return Fail(requests, refused);
            }

            if (result.TimedOut)
            {
                return Fail(requests, $"the measuring process did not finish within {budget.TotalSeconds:0} s");
            }

            if (result.ExitCode != 0)
            {
                return Fail(requests, $"the measuring process exited with code {result.ExitCode}: {Tail(result.Stderr)}");
            }

            var measured = JsonSerializer.Deserialize<List<TaskMeasurement>>(result.Stdout, WasmBenchJson.Options);
            return measured is { } m && m.Count == requests.Count ? m : Fail(requests, $"the measuring process printed unexpected output: {Tail(result.Stdout)}");
        }
        catch (JsonException e)
        {
            return Fail(requests, $"the measuring process printed invalid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// What the child may take beyond its iterations' own deadlines (start-up, compilation, the
    /// machine reference) before it counts as stuck: the engine's limits live inside the child, this
    /// is only patience with a loaded machine.
    /// </summary>
    public TimeSpan Margin { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The measuring child's limits: the engine host and the workload it runs in-process.</summary>
    public SandboxLimits Limits { get; init; } = SandboxLimits.Tool with { OutputBytes = 64L << 20 };

    /// <summary>How to start this very executable again, or null when it is not wasmbench (e.g. a test host).</summary>
    public static ChildMeasurer? ForThisExecutable(string expectedAssemblyName)
    {
        var entry = System.Reflection.Assembly.GetEntryAssembly();
        var processPath = Environment.ProcessPath;
        if (entry?.GetName().Name != expectedAssemblyName || processPath is null)
        {
            return null;
        }

        var isDotnetHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost ? new ChildMeasurer(processPath, [entry.Location]) : new ChildMeasurer(processPath, []);
    }

    private static List<TaskMeasurement> Fail(IReadOnlyList<TaskMeasurementRequest> requests, string error) =>
        [.. requests.Select(r => TaskMeasurement.Failure(r.Engine, error))];

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : text[^2000..].Trim();
}
