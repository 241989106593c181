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
    private readonly WasmtimeTier _tier;
    private readonly WasmtimeValues _values = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _cutExports = new(StringComparer.Ordinal);

    public WasmtimeConformanceSession(Wt.Engine engine, WasmtimeTier tier, ConformanceProfile profile, ConformanceLimits limits)
    {
        _tier = tier;
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
        var scan = WasmExportTypes.Scan(wasm.Span);
        if (scan.ImportProblem is not null || scan.ProblemExports.Count > 0)
        {
            // The .NET API cannot hold this module as it is, but an invalid or malformed one must still be graded as such.
            var error = Wt.Module.Validate(_engine, wasm.Span);
            if (error is not null)
            {
                return new CompileResult(null, WasmtimeErrors.ClassifyCompileError(error, _tier), error);
            }

            if (scan.ImportProblem is not null)
            {
                return new CompileResult(null, OutcomeKind.Unsupported, scan.ImportProblem);
            }
        }

        try
        {
            // Exports the .NET API cannot represent are cut out; using one later is reported as unsupported.
            var bytes = scan.ProblemExports.Count == 0 ? wasm.Span : scan.WithoutProblemExports(wasm.Span);
            var cut = scan.ProblemExports.ToDictionary(p => p.Name, p => p.Reason, StringComparer.Ordinal);
            return new CompileResult(new CompiledModule(Wt.Module.FromBytes(_engine, "module", bytes), cut), OutcomeKind.Ok);
        }
        catch (Wt.WasmtimeException e)
        {
            var message = WasmtimeErrors.Flatten(e);
            return new CompileResult(null, WasmtimeErrors.ClassifyCompileError(message, _tier), message);
        }
    }

    public InstantiateResult Instantiate(IConformanceModule module)
    {
        var compiled = (CompiledModule)module;
        try
        {
            _store.SetEpochDeadline(_deadlineTicks);
            return new InstantiateResult(new InstanceHandle(_linker.Instantiate(_store, compiled.Module), compiled.CutExports), OutcomeKind.Ok);
        }
        catch (Wt.TrapException e)
        {
            var (kind, message) = WasmtimeErrors.ClassifyTrap(e);
            return new InstantiateResult(null, kind, message);
        }
        catch (Wt.WasmtimeException e)
        {
            var message = WasmtimeErrors.Flatten(e);
            if (ImportOfCutExport(message) is { } reason)
            {
                return new InstantiateResult(null, OutcomeKind.Unsupported, reason);
            }

            return new InstantiateResult(null, WasmtimeErrors.ClassifyInstantiateError(message), message);
        }
    }

    public void Register(string name, IConformanceInstance instance)
    {
        var handle = (InstanceHandle)instance;
        _linker.DefineInstance(_store, name, handle.Instance);
        _cutExports[name] = handle.CutExports;
    }

    public ActionResult Invoke(IConformanceInstance instance, string export, IReadOnlyList<WasmValue> args)
    {
        var handle = (InstanceHandle)instance;
        if (handle.CutExports.TryGetValue(export, out var cut))
        {
            return ActionResult.Failed(OutcomeKind.Unsupported, cut);
        }

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
                // A reference the .NET API cannot carry is a limitation; any other mismatch is a script or harness bug.
                return ActionResult.Failed(args[i].Kind == ValueKind.Ref ? OutcomeKind.Unsupported : OutcomeKind.Trap, why);
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
        if (handle.CutExports.TryGetValue(export, out var cut))
        {
            return ActionResult.Failed(OutcomeKind.Unsupported, cut);
        }

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

    /// <summary>When linking failed on an import that a registered module had to cut, the reason; else null.</summary>
    private string? ImportOfCutExport(string message)
    {
        // Wasmtime: "unknown import: `module::name` has not been defined".
        var start = message.IndexOf('`', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('`', start + 1);
        if (!message.Contains("unknown import", StringComparison.Ordinal) || end < 0)
        {
            return null;
        }

        var qualified = message[(start + 1)..end];
        var separator = qualified.LastIndexOf("::", StringComparison.Ordinal);
        if (separator < 0 || !_cutExports.TryGetValue(qualified[..separator], out var cut)
            || !cut.TryGetValue(qualified[(separator + 2)..], out var reason))
        {
            return null;
        }

        return $"imports {qualified}, which its registered module could not export: {reason}";
    }

    private sealed record CompiledModule(Wt.Module Module, IReadOnlyDictionary<string, string> CutExports) : IConformanceModule;

    private sealed record InstanceHandle(Wt.Instance Instance, IReadOnlyDictionary<string, string> CutExports) : IConformanceInstance;
}
