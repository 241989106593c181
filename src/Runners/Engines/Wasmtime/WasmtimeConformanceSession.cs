using WasmBench.Runners.Conformance;
using Wt = global::Wasmtime;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>One script's Wasmtime store and linker, with <c>spectest</c> defined and registrations kept.</summary>
internal sealed class WasmtimeConformanceSession : IConformanceSession
{
    private readonly Wt.Engine _engine;
    private readonly Wt.Store _store;
    private readonly Wt.Linker _linker;
    private readonly ulong _deadlineTicks;
    private readonly WasmtimeValues _values = new();

    public WasmtimeConformanceSession(Wt.Engine engine, ConformanceProfile profile, ConformanceLimits limits)
    {
        _engine = engine;
        _store = new Wt.Store(engine);
        _store.SetLimits(memorySize: (long)limits.MaxMemoryPages * 65536, tableElements: null, instances: 100_000, tables: 100_000, memories: 100_000);
        _linker = new Wt.Linker(engine) { AllowShadowing = true };
        _deadlineTicks = (ulong)Math.Max(1, limits.Timeout.Ticks / WasmtimeConformanceEngines.Tick.Ticks);
        using var spectest = Wt.Module.FromBytes(engine, "spectest", SpectestModule.Bytes(profile));
        _store.SetEpochDeadline(_deadlineTicks);
        _linker.DefineInstance(_store, "spectest", _linker.Instantiate(_store, spectest));
    }

    public CompileResult Compile(ReadOnlyMemory<byte> wasm)
    {
        if (WasmExportTypes.BoundaryProblem(wasm.Span) is { } problem)
        {
            // The .NET API cannot hold this module, but an invalid or malformed one must still be graded as such.
            var error = Wt.Module.Validate(_engine, wasm.Span);
            return error is null
                ? new CompileResult(null, OutcomeKind.Unsupported, problem)
                : new CompileResult(null, WasmtimeErrors.ClassifyCompileError(error), error);
        }

        try
        {
            return new CompileResult(new CompiledModule(Wt.Module.FromBytes(_engine, "module", wasm.Span)), OutcomeKind.Ok);
        }
        catch (Wt.WasmtimeException e)
        {
            var message = WasmtimeErrors.Flatten(e);
            return new CompileResult(null, WasmtimeErrors.ClassifyCompileError(message), message);
        }
    }

    public InstantiateResult Instantiate(IConformanceModule module)
    {
        var compiled = (CompiledModule)module;
        try
        {
            _store.SetEpochDeadline(_deadlineTicks);
            return new InstantiateResult(new InstanceHandle(_linker.Instantiate(_store, compiled.Module)), OutcomeKind.Ok);
        }
        catch (Wt.TrapException e)
        {
            var (kind, message) = WasmtimeErrors.ClassifyTrap(e);
            return new InstantiateResult(null, kind, message);
        }
        catch (Wt.WasmtimeException e)
        {
            var message = WasmtimeErrors.Flatten(e);
            return new InstantiateResult(null, WasmtimeErrors.ClassifyInstantiateError(message), message);
        }
    }

    public void Register(string name, IConformanceInstance instance) =>
        _linker.DefineInstance(_store, name, ((InstanceHandle)instance).Instance);

    public ActionResult Invoke(IConformanceInstance instance, string export, IReadOnlyList<WasmValue> args)
    {
        var handle = (InstanceHandle)instance;
        var function = handle.Instance.GetFunction(export);
        if (function is null)
        {
            return ActionResult.Failed(OutcomeKind.Trap, $"no exported function \"{export}\"");
        }

        var parameters = function.Parameters;
        var results = function.Results;
        if (parameters.Count != args.Count)
        {
            return ActionResult.Failed(OutcomeKind.Trap, $"\"{export}\" takes {parameters.Count} arguments, the script passes {args.Count}");
        }

        var boxes = new Wt.ValueBox[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            if (!_values.TryToBox(args[i], parameters[i], out boxes[i], out var why))
            {
                return ActionResult.Failed(OutcomeKind.Unsupported, why);
            }
        }

        if (results.Any(r => r == Wt.ValueKind.AnyRef))
        {
            return ActionResult.Failed(OutcomeKind.Unsupported, "the Wasmtime .NET API cannot return GC references (anyref/eqref/structref/arrayref/i31ref) to the host");
        }

        object? raw;
        try
        {
            _store.SetEpochDeadline(_deadlineTicks);
            raw = function.Invoke(boxes);
        }
        catch (Wt.TrapException e)
        {
            var (kind, message) = WasmtimeErrors.ClassifyTrap(e);
            return ActionResult.Failed(kind, message);
        }
        catch (Wt.WasmtimeException e)
        {
            var message = WasmtimeErrors.Flatten(e);
            return ActionResult.Failed(WasmtimeErrors.ClassifyActionError(message), message);
        }

        return _values.FromResults(raw, results);
    }

    public ActionResult Get(IConformanceInstance instance, string export)
    {
        var handle = (InstanceHandle)instance;
        var global = handle.Instance.GetGlobal(export);
        if (global is null)
        {
            return ActionResult.Failed(OutcomeKind.Trap, $"no exported global \"{export}\"");
        }

        if (global.Kind == Wt.ValueKind.AnyRef)
        {
            return ActionResult.Failed(OutcomeKind.Unsupported, "the Wasmtime .NET API cannot read GC reference globals");
        }

        return _values.FromResults(global.GetValue(), [global.Kind]);
    }

    public void Dispose()
    {
        _linker.Dispose();
        _store.Dispose();
    }

    private sealed record CompiledModule(Wt.Module Module) : IConformanceModule;

    private sealed record InstanceHandle(Wt.Instance Instance) : IConformanceInstance;
}
