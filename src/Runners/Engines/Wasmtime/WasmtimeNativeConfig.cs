using System.Reflection;
using System.Runtime.InteropServices;
using Wasmtime;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// The tier settings the .NET API lacks, set through Wasmtime's C API on the config's native
/// handle (the <c>libwasmtime.so</c> the Wasmtime package ships): the Winch strategy and the
/// Pulley target. They must be set before <c>new Engine(config)</c>, which consumes the config.
/// </summary>
internal static partial class WasmtimeNativeConfig
{
    private const string Library = "wasmtime";

    /// <summary><c>wasmtime_strategy_t</c>: 0 auto, 1 Cranelift, 2 Winch.</summary>
    private const byte StrategyWinch = 2;

    private const string PulleyTarget = "pulley64";

    private static readonly PropertyInfo? NativeHandleProperty =
        typeof(Config).GetProperty("NativeHandle", BindingFlags.NonPublic | BindingFlags.Instance);

    /// <summary>Sets <paramref name="tier"/> on the config; null on success, else why it could not.</summary>
    public static string? Apply(Config config, WasmtimeTier tier)
    {
        if (tier == WasmtimeTier.Cranelift)
        {
            return null;
        }

        if (NativeHandleProperty?.GetValue(config) is not SafeHandle handle)
        {
            return "this Wasmtime package has no Config.NativeHandle to set the tier through";
        }

        var pointer = handle.DangerousGetHandle();
        if (tier == WasmtimeTier.Winch)
        {
            wasmtime_config_strategy_set(pointer, StrategyWinch);
            return null;
        }

        var error = wasmtime_config_target_set(pointer, PulleyTarget);
        return error == IntPtr.Zero ? null : TakeMessage(error);
    }

    private static string TakeMessage(IntPtr error)
    {
        try
        {
            wasmtime_error_message(error, out var name);
            var text = name.Size == 0 ? "unknown error" : Marshal.PtrToStringUTF8(name.Data, checked((int)name.Size));
            wasm_byte_vec_delete(ref name);
            return text;
        }
        finally
        {
            wasmtime_error_delete(error);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ByteVec
    {
        public nuint Size;
        public IntPtr Data;
    }

    [LibraryImport(Library)]
    private static partial void wasmtime_config_strategy_set(IntPtr config, byte strategy);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr wasmtime_config_target_set(IntPtr config, string target);

    [LibraryImport(Library)]
    private static partial void wasmtime_error_message(IntPtr error, out ByteVec message);

    [LibraryImport(Library)]
    private static partial void wasm_byte_vec_delete(ref ByteVec vec);

    [LibraryImport(Library)]
    private static partial void wasmtime_error_delete(IntPtr error);
}
