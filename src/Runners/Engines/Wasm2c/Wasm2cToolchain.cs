using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Sandbox;

namespace WasmBench.Runners.Engines.Wasm2c;

/// <summary>
/// What the wasm2c engine builds with: WABT's <c>wasm2c</c>, a C compiler, Debian's
/// <c>wasm-rt-impl.c</c> (with <c>wasm-rt.h</c>) and our runtime <c>wasm2c/wasmbench_wasm2c.c</c>
/// next to this assembly. Null fields are missing; <see cref="Problem"/> says which.
/// </summary>
public sealed record Wasm2cToolchain(string? Wasm2c, string? Wasm2cVersion, CCompiler? Compiler, string RuntimeDirectory, string OurRuntime)
{
    public const string DefaultRuntimeDirectory = "/usr/share/wabt/wasm2c";

    public static string OurRuntimePath { get; } = Path.Combine(AppContext.BaseDirectory, "wasm2c", "wasmbench_wasm2c.c");

    public string RuntimeImpl => Path.Combine(RuntimeDirectory, "wasm-rt-impl.c");

    public string? Problem =>
        ChildProcess.Unavailable is { } sandbox ? sandbox
        : Wasm2c is null ? "'wasm2c' not found on PATH (Debian: apt-get install wabt)"
        : Compiler is null ? "no C compiler found on PATH (cc, gcc, clang)"
        : !File.Exists(RuntimeImpl) ? $"{RuntimeImpl} is missing (Debian's wabt ships it)"
        : !File.Exists(OurRuntime) ? $"our wasm2c runtime {OurRuntime} is missing from the build output"
        : null;

    public static async Task<Wasm2cToolchain> FindAsync(string? searchPath, string runtimeDirectory)
    {
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        var wasm2c = ExecutableLookup.Find("wasm2c", path);
        string? version = null;
        if (wasm2c is not null)
        {
            using var scratch = new ScratchDirectory("wasm2c-version");
            var answer = await ChildProcess.RunAsync(wasm2c, ["--version"], null, scratch.Path, SandboxLimits.Tool, TimeSpan.FromSeconds(20), CancellationToken.None);
            version = answer.Stdout.Trim() is { Length: > 0 } v ? v : null;
        }

        var compiler = await CCompiler.FindAsync(path, CCompiler.DefaultNames, CancellationToken.None);
        return new Wasm2cToolchain(wasm2c, version, compiler, runtimeDirectory, OurRuntimePath);
    }
}
