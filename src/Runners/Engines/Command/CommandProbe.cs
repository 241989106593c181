using WasmBench.Runners.Sandbox;

namespace WasmBench.Runners.Engines.Command;

/// <summary>What a command runtime answered: its version line, and whether it ran a WASI module (else why not).</summary>
internal sealed record CommandProbeResult(string? Path, string? Version, string? Problem);

/// <summary>Checks once that a preset's runtime exists, says its version and (unless the preset runs plain modules) runs a WASI command.</summary>
internal static class CommandProbe
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task<CommandProbeResult> RunAsync(CommandPreset preset, CommandEngineOptions options)
    {
        var wanted = options.Resolve(preset);
        if (ExecutableLookup.Find(wanted, options.SearchPath) is not { } path)
        {
            return new(null, null, $"'{wanted}' not found{(wanted.Contains('/', StringComparison.Ordinal) ? "" : " on PATH")} (set {preset.PathVariable} to its path)");
        }

        if (ChildProcess.Unavailable is { } unavailable)
        {
            return new(path, null, unavailable);
        }

        var folder = Directory.CreateTempSubdirectory("wasmbench-probe-");
        using var scratch = new ScratchDirectory("probe");
        try
        {
            var version = await ChildProcess.RunAsync(path, ["--version"], folder.FullName, scratch.Path, SandboxLimits.Tool, Deadline, CancellationToken.None);
            var versionLine = FirstLine(version.Stdout) ?? FirstLine(version.Stderr);
            if (!preset.RunsWasi)
            {
                return new(path, versionLine, null);
            }

            var module = Path.Combine(folder.FullName, "probe.wasm");
            await using (var resource = typeof(CommandProbe).Assembly.GetManifestResourceStream("WasmBench.Command.wasi_probe.wasm")!)
            await using (var file = File.Create(module))
            {
                await resource.CopyToAsync(file);
            }

            var run = await ChildProcess.RunAsync(path, preset.Expand(module, folder.FullName, []), folder.FullName, scratch.Path, SandboxLimits.Tool, Deadline, CancellationToken.None);
            var problem = run.Stdout.Contains("wasmbench-probe", StringComparison.Ordinal) ? null
                : $"{path} did not run a WASI command (exit code {run.ExitCode}{(run.TimedOut ? ", timed out" : "")}): {FirstLine(run.Stderr) ?? FirstLine(run.Stdout) ?? "no output"}";
            return new(path, versionLine, problem);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new(path, null, $"{path} did not start: {e.Message}");
        }
        finally
        {
            folder.Delete(true);
        }
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
