using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;
using WasmBench.Interpreter.Validation;

namespace WasmBench.Interpreter;

/// <summary>The result of compiling: a validated module, or the class and message of the failure.</summary>
public sealed record CompileOutcome(WasmModule? Module, WasmErrorKind? Error, string? Message)
{
    public bool Succeeded => Module is not null;
}

/// <summary>The result of instantiating: an instance, or the class (unlinkable / trap) and message.</summary>
public sealed record InstantiateOutcome(ModuleInstance? Instance, WasmErrorKind? Error, string? Message)
{
    public bool Succeeded => Instance is not null;
}

/// <summary>The embedding API: compile (decode + validate), instantiate, invoke exports.</summary>
public static class WasmEngine
{
    public static CompileOutcome Compile(ReadOnlySpan<byte> bytes) => Compile(bytes, WasmFeatures.Wasm3);

    public static CompileOutcome Compile(ReadOnlySpan<byte> bytes, WasmFeatures features) => Compile(bytes.ToArray(), features);

    public static CompileOutcome Compile(byte[] bytes) => Compile(bytes, WasmFeatures.Wasm3);

    /// <summary>
    /// Compiles from an array the module then keeps (its data segments are slices of it): no copy,
    /// so loading costs the module's size once, not twice. The caller must not change the array afterwards.
    /// </summary>
    public static CompileOutcome Compile(byte[] bytes, WasmFeatures features)
    {
        try
        {
            var m = Decoder.Decode(bytes, features);
            ModuleValidator.Validate(m);
            return new CompileOutcome(m, null, null);
        }
        catch (WasmException e)
        {
            return new CompileOutcome(null, e.Kind, e.Message);
        }
    }

    public static InstantiateOutcome Instantiate(Store store, WasmModule module, ImportResolver imports)
    {
        try
        {
            return new InstantiateOutcome(Instantiator.Instantiate(store, module, imports), null, null);
        }
        catch (UncaughtException e)
        {
            // The start function threw: instantiation fails like a trap.
            return new InstantiateOutcome(null, WasmErrorKind.Trap, e.Message);
        }
        catch (WasmException e)
        {
            return new InstantiateOutcome(null, e.Kind, e.Message);
        }
    }

    /// <summary>Invokes the exported function <paramref name="name"/>; traps throw <see cref="TrapException"/>, uncaught wasm exceptions <see cref="UncaughtException"/>.</summary>
    public static ulong[] Invoke(ModuleInstance instance, string name, params ulong[] args)
    {
        var f = instance.GetExport(name)?.Function ?? throw new ArgumentException($"no exported function {name}", nameof(name));
        return instance.Store.Invoke(f, args);
    }
}
