namespace WasmBench.Interpreter.Model;

/// <summary>The kind of a defined type (3.0, GC): a function, structure or array type.</summary>
public enum CompositeKind : byte
{
    Func,
    Struct,
    Array,
}

/// <summary>
/// A structure field or array element: its storage type (a value type, or a packed
/// <c>i8</c> / <c>i16</c> when <see cref="Packed"/> is 8 or 16, read as i32) and mutability.
/// </summary>
public readonly record struct FieldType(ValType Type, byte Packed, bool Mutable)
{
    /// <summary>The type a read gives and a write takes.</summary>
    public ValType Unpacked => Packed != 0 ? ValType.I32 : Type;
}

/// <summary>
/// A type of the type section (3.0: a sub type of a recursion group). <see cref="Super"/> is the
/// declared supertype's index or -1; <see cref="GroupStart"/> / <see cref="GroupSize"/> give
/// the recursion group (a type outside any <c>rec</c> is a group of its own).
/// </summary>
internal sealed class SubType(CompositeKind kind, FuncType? func, FieldType[] fields, bool final, int super)
{
    public CompositeKind Kind { get; } = kind;

    /// <summary>A function type's signature (for other kinds an empty placeholder).</summary>
    public FuncType Func { get; } = func ?? new FuncType([], []);

    /// <summary>A structure's fields, or an array's single element type.</summary>
    public FieldType[] Fields { get; } = fields;

    public bool Final { get; } = final;

    public int Super { get; } = super;

    public int GroupStart { get; set; }

    public int GroupSize { get; set; }

    /// <summary>Set by validation: the canonical (iso-recursive) identity of this type.</summary>
    public CanonicalType? Canon { get; set; }
}
