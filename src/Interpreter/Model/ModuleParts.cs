namespace WasmBench.Interpreter.Model;

/// <summary>Limits of a memory (pages) or table (elements); <see cref="Is64"/>: indexed by i64 (memory64, table64).</summary>
public readonly record struct Limits(ulong Min, ulong? Max, bool Is64 = false)
{
    /// <summary>The type of an address or index into what these limits bound.</summary>
    public ValType IndexType => Is64 ? ValType.I64 : ValType.I32;
}

public sealed record TableType(ValType Element, Limits Limits);

public sealed record MemoryType(Limits Limits);

public sealed record GlobalType(ValType Type, bool Mutable);

public enum ExternKind : byte
{
    Func = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
    /// <summary>3.0, exception handling.</summary>
    Tag = 4,
}

/// <summary>An import; exactly one of the type fields is set, according to <see cref="Kind"/> (a tag's type index is <see cref="FuncTypeIndex"/>).</summary>
public sealed record Import(string Module, string Name, ExternKind Kind, uint FuncTypeIndex, TableType? Table, MemoryType? Memory, GlobalType? Global);

public sealed record Export(string Name, ExternKind Kind, uint Index);

/// <summary>A constant expression, kept as its bytes (without the final <c>end</c>) in the module.</summary>
internal readonly record struct ConstExpr(int Start, int End);

internal sealed record GlobalDef(GlobalType Type, ConstExpr Init);

internal enum SegmentMode : byte
{
    Active,
    Passive,
    Declarative,
}

internal sealed record ElementSegment(SegmentMode Mode, uint Table, ConstExpr Offset, ValType Type, uint[]? FuncIndices, ConstExpr[]? Exprs)
{
    public int Count => FuncIndices?.Length ?? Exprs!.Length;
}

internal sealed record DataSegment(SegmentMode Mode, uint Memory, ConstExpr Offset, int Start, int Length);

/// <summary>A function body: its declared locals (without params), its code range in the module bytes, and how many legacy catch clauses it has (each gets a hidden local).</summary>
internal sealed record FunctionBody(ValType[] Locals, int CodeStart, int CodeEnd, int LegacyCatches = 0);
