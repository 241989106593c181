using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Runtime;

/// <summary>A host function: reads its arguments and writes its results as raw 8-byte slots.</summary>
public delegate void HostFunction(ReadOnlySpan<ulong> args, Span<ulong> results);

/// <summary>A function of a store: defined by a module instance, or a host delegate.</summary>
public sealed class FunctionInstance
{
    internal FunctionInstance(Store store, FuncType type, ModuleInstance? module, int defIndex, HostFunction? host)
    {
        Store = store;
        Type = type;
        Module = module;
        DefIndex = defIndex;
        Host = host;
        RefValue = (ulong)store.AddFunction(this) + 1;
    }

    public FuncType Type { get; }

    public Store Store { get; }

    internal ModuleInstance? Module { get; }

    internal int DefIndex { get; }

    internal HostFunction? Host { get; }

    /// <summary>The reference hierarchy of result <paramref name="i"/> (<see cref="RefHierarchy.NotRef"/> for numbers and vectors).</summary>
    public RefHierarchy ResultHierarchy(int i) => RefTypes.HierarchyOfCanonical(Type.Canon.Func!.Results[i]);

    /// <summary>The slot value of a funcref to this function (store index + 1; 0 is null).</summary>
    internal ulong RefValue { get; }

    internal CompiledFunction? Code;

    internal CompiledFunction GetCode()
    {
        var m = Module!.Module;
        return Code ??= m.Compiled[DefIndex] ??= Validation.FunctionCompiler.Compile(m, DefIndex);
    }
}

/// <summary>A table of references (slot values: 0 is null).</summary>
public sealed class TableInstance(ValType elementType, uint size, uint? max, bool is64 = false)
{
    public ValType ElementType { get; } = elementType;

    /// <summary>The element type with a concrete type index as its canonical id (import matching across modules).</summary>
    internal ValType CanonElement { get; init; } = elementType;

    /// <summary>Indexed by i64 (table64).</summary>
    public bool Is64 { get; } = is64;

    public uint? Max { get; } = max;

    internal ulong[] Elements = new ulong[size];

    public uint Size => (uint)Elements.Length;

    /// <summary>Grows by <paramref name="delta"/> filled with <paramref name="init"/>; returns the old size or -1.</summary>
    public int Grow(uint delta, ulong init, uint limit)
    {
        var old = Size;
        var n = (ulong)old + delta;
        if (n > (Max ?? uint.MaxValue) || n > limit)
        {
            return -1;
        }

        var e = new ulong[n];
        Elements.CopyTo(e, 0);
        e.AsSpan((int)old).Fill(init);
        Elements = e;
        return (int)old;
    }
}

/// <summary>A linear memory; <see cref="Data"/> is replaced when it grows.</summary>
public sealed class MemoryInstance(uint pages, ulong? max, bool is64 = false)
{
    public const int PageSize = 65536;

    /// <summary>Replaced memories at least this large are collected at once (<see cref="Grow"/>).</summary>
    private const long CollectAfterBytes = 32L << 20;

    public ulong? Max { get; } = max;

    /// <summary>Addressed by i64 (memory64).</summary>
    public bool Is64 { get; } = is64;

    internal byte[] Data = new byte[(long)pages * PageSize];

    public uint Pages => (uint)(Data.Length / PageSize);

    public Span<byte> Span => Data;

    /// <summary>Grows by <paramref name="delta"/> pages; returns the old size in pages or -1.</summary>
    public int Grow(uint delta, uint limitPages)
    {
        var old = Pages;
        var n = (ulong)old + delta;
        if (n > (Max ?? (Is64 ? 1UL << 48 : 65536)) || n > limitPages || n * PageSize > (ulong)Array.MaxLength)
        {
            return -1;
        }

        if (delta != 0)
        {
            var d = new byte[n * PageSize];
            Data.CopyTo(d, 0);
            var released = Data.LongLength;
            Data = d;
            if (released >= CollectAfterBytes)
            {
                // A loop of small grows leaves each old copy behind on the large-object heap, which
                // the GC left uncollected until the process held ten times the limit: free it now.
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            }
        }

        return (int)old;
    }
}

/// <summary>A global variable holding one raw slot.</summary>
public sealed class GlobalInstance(GlobalType type, ulong value)
{
    public GlobalType Type { get; } = type;

    /// <summary>The value type with a concrete type index as its canonical id (import matching across modules).</summary>
    internal ValType CanonType { get; init; } = type.Type;

    /// <summary>The reference hierarchy of the value (<see cref="RefHierarchy.NotRef"/> for numbers and vectors).</summary>
    public RefHierarchy Hierarchy => RefTypes.HierarchyOfCanonical(CanonType);

    public ulong Value = value;

    /// <summary>The high 8 bytes of a v128 global (<see cref="Value"/> holds the low 8).</summary>
    public ulong Hi;
}

/// <summary>An export or import value: a function, table, memory or global of a store.</summary>
public readonly record struct ExternValue(ExternKind Kind, object Value)
{
    public FunctionInstance? Function => Value as FunctionInstance;

    public TableInstance? Table => Value as TableInstance;

    public MemoryInstance? Memory => Value as MemoryInstance;

    public GlobalInstance? Global => Value as GlobalInstance;

    public TagInstance? Tag => Value as TagInstance;
}

/// <summary>An instantiated module.</summary>
public sealed class ModuleInstance
{
    internal ModuleInstance(WasmModule module, Store store)
    {
        Module = module;
        Store = store;
    }

    public WasmModule Module { get; }

    public Store Store { get; }

    internal FunctionInstance[] Funcs = [];
    internal TableInstance[] Tables = [];
    /// <summary>Memory 0 (what the hot loop reads); <see cref="Memories"/> holds it and the others (multi-memory).</summary>
    internal MemoryInstance? Memory;
    internal MemoryInstance[] Memories = [];
    internal GlobalInstance[] Globals = [];
    internal TagInstance[] Tags = [];
    internal ulong[]?[] ElemSegments = [];
    internal bool[] DataDropped = [];

    public Dictionary<string, ExternValue> Exports { get; } = new(StringComparer.Ordinal);

    public ExternValue? GetExport(string name) => Exports.TryGetValue(name, out var v) ? v : null;

    public MemoryInstance? DefaultMemory => Memory;
}
