using System.Text.Json;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Runners.Sandbox;
using WasmBench.Runners.Spec;

namespace WasmBench.Runners.Worker;

/// <summary>What a `wasmbench spec-script` child runs: one script of a suite on one engine.</summary>
/// <param name="Engine">The engine id, as the runner's catalog resolves it.</param>
/// <param name="Suite">The suite, already loaded by the runner (the child reads no suite file).</param>
/// <param name="Script">The script's name in the report (its path relative to the suite's folder).</param>
/// <param name="ScriptPath">The script's full path.</param>
public sealed record SpecScriptRequest(string Engine, SpecSuite Suite, string Script, string ScriptPath);

/// <summary>
/// Runs one spec script in a fresh, sandboxed child process (`wasmbench spec-script --request -`),
/// for engines that would otherwise run the script's modules inside the runner
/// (<see cref="Conformance.IConformanceEngine.RunsInThisProcess"/>). The child has the limits of every
/// sandboxed tool (memory, CPU time, file size, processes), a managed heap capped at half its memory,
/// the script's folder read-only, and a wall-clock budget for the whole script on top of each
/// action's own limit: a script that exhausts memory, crashes its engine or spends its actions' limits
/// one after another fails its own task, and the runner takes the next. The child prints one
/// <see cref="SpecScriptResult"/> as JSON on stdout.
/// </summary>
/// <param name="FileName">The executable: the wasmbench apphost, or `dotnet`.</param>
/// <param name="PrefixArgs">Arguments before the verb, e.g. the path of wasmbench.dll under `dotnet`.</param>
public sealed record ChildSpecRunner(string FileName, IReadOnlyList<string> PrefixArgs)
{
    public const string Verb = "spec-script";

    /// <summary>The default budget of one script: the slowest wasm-3.0 script takes seconds, so minutes leave room for a loaded machine.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMinutes(5);

    /// <summary>The wall-clock budget of one script, start-up included.</summary>
    public TimeSpan Budget { get; init; } = DefaultBudget;

    /// <summary>The child's limits.</summary>
    public SandboxLimits Limits { get; init; } = SandboxLimits.Tool;

    /// <summary>How to start this very executable again, or null when it is not wasmbench (e.g. a test host).</summary>
    public static ChildSpecRunner? ForThisExecutable(string expectedAssemblyName) =>
        ChildMeasurer.ForThisExecutable(expectedAssemblyName) is { } measurer ? new ChildSpecRunner(measurer.FileName, measurer.PrefixArgs) : null;

    public async Task<Result<SpecScriptResult>> RunAsync(SpecScriptRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var scratch = new ScratchDirectory("spec", onHost: Bubblewrap.OptedOut);
            var scriptFolder = Path.GetDirectoryName(Path.GetFullPath(request.ScriptPath))!;
            var launch = new ChildLaunch(FileName, [.. PrefixArgs, Verb, "--request", "-"], null, scratch.Path, Limits, Budget)
            {
                Stdin = JsonSerializer.Serialize(request, WasmBenchJson.Options),
                PrivateScratch = true,
                ReadOnlyPaths = [AppContext.BaseDirectory, .. PrefixArgs.Where(Path.IsPathRooted).Select(Path.GetDirectoryName).OfType<string>(), scriptFolder],
                Environment = DotnetChildEnvironment.For(Limits.MemoryBytes),
            };
            var result = await ChildProcess.RunAsync(launch, cancellationToken);
            if (result.Refused is { } refused)
            {
                return Result<SpecScriptResult>.Failure(refused);
            }

            if (result.TimedOut)
            {
                return Result<SpecScriptResult>.Failure($"the script did not finish within its budget of {Budget.TotalSeconds:0} s (each action has its own limit; the script as a whole ran out of time)");
            }

            if (result.ExitCode != 0)
            {
                return Result<SpecScriptResult>.Failure($"the script's process exited with code {result.ExitCode}{Signal(result.ExitCode)}: {Tail(result.Stderr)}");
            }

            return JsonSerializer.Deserialize<SpecScriptResult>(result.Stdout, WasmBenchJson.Options) is { } spec
                ? Result<SpecScriptResult>.Success(spec)
                : Result<SpecScriptResult>.Failure($"the script's process printed no result: {Tail(result.Stdout)}");
        }
        catch (JsonException e)
        {
            return Result<SpecScriptResult>.Failure($"the script's process printed invalid JSON: {e.Message}");
        }
    }

    private static string Signal(int exitCode) => exitCode switch
    {
        134 => " (aborted)",
        137 => " (killed: out of memory or a limit)",
        139 => " (segmentation fault)",
        _ => "",
    };

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : text[^2000..].Trim();
}
