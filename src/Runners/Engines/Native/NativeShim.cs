namespace WasmBench.Runners.Engines.Native;

/// <summary>The C shim linked into every native build (embedded <c>native_shim.c</c>).</summary>
internal static class NativeShim
{
    /// <summary>The environment variable naming the file that receives the execution nanoseconds.</summary>
    public const string TimingFileVariable = "WASMBENCH_NATIVE_TIMING_FILE";

    public static string Source { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(NativeShim).Assembly.GetManifestResourceStream("WasmBench.NativeShim.c")
            ?? throw new InvalidOperationException("the embedded native shim is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
