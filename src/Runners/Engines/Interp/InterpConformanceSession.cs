using WasmBench.Interpreter;
using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;
using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Engines.Interp;

/// <summary>One script's store for the interpreter: its own spectest module and registry.</summary>
internal sealed class InterpConformanceSession : IConformanceSession
{
    private readonly Store _store;
    private readonly Dictionary<string, Dictionary<string, ExternValue>> _registry = new(StringComparer.Ordinal);
    private readonly WasmFeatures _features;

    public InterpConformanceSession(ConformanceLimits limits, ConformanceProfile profile)
    {
        _features = profile == ConformanceProfile.Wasm2 ? WasmFeatures.Wasm2 : WasmFeatures.Wasm3;
        _store = new Store(new StoreLimits(
            MaxCallDepth: limits.MaxCallDepth,
            MaxMemoryPages: (uint)Math.Min(limits.MaxMemoryPages, 65536),
            Timeout: limits.Timeout));
        _registry["spectest"] = SpectestModule.Create(_store);
    }

    private sealed record Module(WasmModule Wasm) : IConformanceModule;

    private sealed record Instance(ModuleInstance Wasm) : IConformanceInstance;

    public CompileResult Compile(ReadOnlyMemory<byte> wasm)
    {
        var outcome = WasmEngine.Compile(wasm.Span, _features);
        return outcome.Module is { } m
            ? new CompileResult(new Module(m), OutcomeKind.Ok)
            : new CompileResult(null, Map(outcome.Error!.Value), outcome.Message);
    }

    public InstantiateResult Instantiate(IConformanceModule module)
    {
        var outcome = WasmEngine.Instantiate(_store, ((Module)module).Wasm, Resolve);
        return outcome.Instance is { } i
            ? new InstantiateResult(new Instance(i), OutcomeKind.Ok)
            : new InstantiateResult(null, Map(outcome.Error!.Value), outcome.Message);
    }

    public void Register(string name, IConformanceInstance instance) =>
        _registry[name] = ((Instance)instance).Wasm.Exports;

    public ActionResult Invoke(IConformanceInstance instance, string export, IReadOnlyList<WasmValue> args)
    {
        var inst = ((Instance)instance).Wasm;
        if (inst.GetExport(export)?.Function is not { } f)
        {
            return ActionResult.Failed(OutcomeKind.Unlinkable, $"no exported function {export}");
        }

        var slots = new ulong[args.Count];
        var his = new ulong[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            slots[i] = ToSlot(args[i]);
            his[i] = args[i].Kind == ValueKind.V128 ? args[i].Hi : 0;
        }

        try
        {
            var resultsHi = new ulong[f.Type.Results.Length];
            var results = _store.Invoke(f, slots, his, resultsHi);
            var values = new WasmValue[results.Length];
            for (var i = 0; i < results.Length; i++)
            {
                values[i] = f.Type.Results[i] == ValType.V128
                    ? WasmValue.V128(results[i], resultsHi[i])
                    : FromSlot(f.Type.Results[i], f.ResultHierarchy(i), results[i]);
            }

            return ActionResult.Returned(values);
        }
        catch (TrapException e)
        {
            return ActionResult.Failed(Map(e.Kind), e.Message);
        }
        catch (UncaughtException e)
        {
            return ActionResult.Failed(OutcomeKind.Exception, e.Message);
        }
    }

    public ActionResult Get(IConformanceInstance instance, string export) =>
        ((Instance)instance).Wasm.GetExport(export)?.Global is { } g
            ? ActionResult.Returned(g.Type.Type == ValType.V128 ? WasmValue.V128(g.Value, g.Hi) : FromSlot(g.Type.Type, g.Hierarchy, g.Value))
            : ActionResult.Failed(OutcomeKind.Unlinkable, $"no exported global {export}");

    public void Dispose()
    {
    }

    private ExternValue? Resolve(string module, string name) =>
        _registry.TryGetValue(module, out var exports) && exports.TryGetValue(name, out var v) ? v : null;

    private static OutcomeKind Map(WasmErrorKind kind) => kind switch
    {
        WasmErrorKind.Malformed => OutcomeKind.Malformed,
        WasmErrorKind.Invalid => OutcomeKind.Invalid,
        WasmErrorKind.Unsupported => OutcomeKind.Unsupported,
        WasmErrorKind.Unlinkable => OutcomeKind.Unlinkable,
        WasmErrorKind.Exhaustion => OutcomeKind.Exhaustion,
        _ => OutcomeKind.Trap,
    };

    /// <summary>A host reference (<c>ref.extern N</c>, <c>ref.host N</c>) is N + 1 in either hierarchy; null is 0.</summary>
    private static ulong ToSlot(WasmValue v) => v.Kind switch
    {
        ValueKind.I32 or ValueKind.F32 => (uint)v.Lo,
        ValueKind.Ref when v.IsNull => 0,
        ValueKind.Ref when v.HostId >= 0 => (ulong)v.HostId + 1,
        _ => v.Lo,
    };

    private WasmValue FromSlot(ValType t, RefHierarchy hierarchy, ulong v) => t switch
    {
        ValType.I32 => WasmValue.I32((int)(uint)v),
        ValType.I64 => WasmValue.I64((long)v),
        ValType.F32 => WasmValue.F32Bits((uint)v),
        ValType.F64 => WasmValue.F64Bits(v),
        _ => hierarchy switch
        {
            _ when v == 0 => WasmValue.Null(hierarchy switch
            {
                RefHierarchy.Extern => RefKind.Extern,
                RefHierarchy.Exn => RefKind.Exn,
                RefHierarchy.Any => RefKind.Any,
                _ => RefKind.Func,
            }),
            RefHierarchy.Extern => _store.ClassifyAnyRef(v, out _) == AnyRefKind.Host
                ? WasmValue.Extern((long)v - 1)
                : new WasmValue(ValueKind.Ref, 0, RefKind: RefKind.Extern),
            RefHierarchy.Exn => new WasmValue(ValueKind.Ref, 0, RefKind: RefKind.Exn),
            RefHierarchy.Any => _store.ClassifyAnyRef(v, out var i31) switch
            {
                AnyRefKind.I31 => new WasmValue(ValueKind.Ref, (uint)i31, RefKind: RefKind.I31),
                AnyRefKind.Struct => new WasmValue(ValueKind.Ref, 0, RefKind: RefKind.Struct),
                AnyRefKind.Array => new WasmValue(ValueKind.Ref, 0, RefKind: RefKind.Array),
                _ => new WasmValue(ValueKind.Ref, 0, RefKind: RefKind.Any, HostId: (long)v - 1),
            },
            _ => new WasmValue(ValueKind.Ref, 0, RefKind: RefKind.Func),
        },
    };
}
