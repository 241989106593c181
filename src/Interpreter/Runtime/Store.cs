namespace WasmBench.Interpreter.Runtime;

/// <summary>See <see cref="Store.ClassifyAnyRef"/>.</summary>
public enum AnyRefKind
{
    Null,
    I31,
    Struct,
    Array,
    Host,
}

/// <summary>Engine limits for one store; all of them configurable.</summary>
/// <param name="MaxCallDepth">Wasm frames before "call stack exhausted".</param>
/// <param name="MaxMemoryPages">Memory limit, in 64 KiB pages: bounds each linear memory and the sum of an instance's memories and tables (8 bytes an element).</param>
/// <param name="MaxTableSize">Largest table, in elements.</param>
/// <param name="StackSlots">Operand/locals stack size in 8-byte slots.</param>
/// <param name="Fuel">Loop iterations plus calls allowed per invocation, a bulk instruction costing one more per KiB it fills, copies or grows (null: unlimited).</param>
/// <param name="Timeout">Wall-clock limit per invocation, checked on loop back-edges, calls and bulk work (null: none).</param>
public sealed record StoreLimits(
    int MaxCallDepth = 10_000,
    uint MaxMemoryPages = 65536,
    uint MaxTableSize = 10_000_000,
    int StackSlots = 1 << 20,
    long? Fuel = null,
    TimeSpan? Timeout = null)
{
    public static StoreLimits Default { get; } = new();
}

/// <summary>
/// Owns the functions (funcref values index them), and the VM that runs them.
/// Not thread-safe: one store per thread of execution.
/// </summary>
public sealed class Store
{
    private readonly List<FunctionInstance> _functions = [];

    public Store(StoreLimits? limits = null)
    {
        Limits = limits ?? StoreLimits.Default;
        Vm = new Vm(this);
    }

    public StoreLimits Limits { get; }

    /// <summary>Cancels running wasm code at the next loop back-edge or call.</summary>
    public CancellationToken CancellationToken { get; set; }

    internal Vm Vm { get; }

    internal int AddFunction(FunctionInstance f)
    {
        _functions.Add(f);
        return _functions.Count - 1;
    }

    internal FunctionInstance FunctionFromRef(ulong refValue) => _functions[(int)(refValue - 1)];

    /// <summary>More exceptions held by reference trap (exnref values are never collected).</summary>
    internal const int MaxExceptionRefs = 1 << 20;

    private readonly List<ExceptionInstance> _exceptions = [];

    /// <summary>The exnref slot value of <paramref name="e"/> (store index + 1), given on first use.</summary>
    internal ulong ExceptionRef(ExceptionInstance e)
    {
        if (e.RefValue == 0)
        {
            if (_exceptions.Count >= MaxExceptionRefs)
            {
                throw new TrapException("out of memory: too many exception references");
            }

            _exceptions.Add(e);
            e.RefValue = (ulong)_exceptions.Count;
        }

        return e.RefValue;
    }

    internal ExceptionInstance ExceptionFromRef(ulong refValue) => _exceptions[(int)(refValue - 1)];

    /// <summary>The GC heap (3.0): structures and arrays of every instance of this store.</summary>
    internal GcHeap Heap { get; } = new();

    private readonly List<ModuleInstance> _instances = [];

    internal void AddInstance(ModuleInstance inst) => _instances.Add(inst);

    /// <summary>Gives the collector every reference the store holds outside the value stack.</summary>
    internal void MarkRoots(Action<ulong> mark)
    {
        foreach (var inst in _instances)
        {
            foreach (var g in inst.Globals)
            {
                if (g is not null)
                {
                    mark(g.Value);
                }
            }

            foreach (var t in inst.Tables)
            {
                foreach (var e in t.Elements)
                {
                    mark(e);
                }
            }

            foreach (var seg in inst.ElemSegments)
            {
                foreach (var e in seg ?? [])
                {
                    mark(e);
                }
            }
        }

        foreach (var e in _exceptions)
        {
            foreach (var v in e.Payload)
            {
                mark(v);
            }
        }
    }

    /// <summary>What a reference of the any hierarchy is: null, an i31 (<paramref name="i31"/> its value), a structure, an array, or a host reference (an externref value brought in by any.convert_extern).</summary>
    public AnyRefKind ClassifyAnyRef(ulong value, out int i31)
    {
        i31 = GcRef.IsI31(value) ? (int)((uint)value << 1) >> 1 : 0;
        return value == 0 ? AnyRefKind.Null
            : GcRef.IsI31(value) ? AnyRefKind.I31
            : !GcRef.IsObject(value) ? AnyRefKind.Host
            : Heap.Get(value).Type.Kind == Model.CompositeKind.Struct ? AnyRefKind.Struct : AnyRefKind.Array;
    }

    /// <summary>Live GC heap bytes and collections so far (for tests and diagnostics).</summary>
    public (long LiveBytes, int Collections) GcStatistics => (Heap.LiveBytes, Heap.Collections);

    /// <summary>Makes a host function of this store.</summary>
    public FunctionInstance CreateHostFunction(Model.FuncType type, HostFunction host) => new(this, type, null, -1, host);

    /// <summary>Calls <paramref name="f"/> with raw slot arguments; traps throw <see cref="TrapException"/>.</summary>
    public ulong[] Invoke(FunctionInstance f, ReadOnlySpan<ulong> args) => Vm.Invoke(f, args);

    /// <summary>
    /// Invokes <paramref name="f"/> with v128 support: a v128 argument or result is its low 8 bytes
    /// in the ordinary slot and its high 8 bytes at the same index of <paramref name="argsHi"/> /
    /// <paramref name="resultsHi"/> (which must be as long as the arguments / results).
    /// </summary>
    public ulong[] Invoke(FunctionInstance f, ReadOnlySpan<ulong> args, ReadOnlySpan<ulong> argsHi, Span<ulong> resultsHi) =>
        Vm.Invoke(f, args, argsHi, resultsHi);
}
