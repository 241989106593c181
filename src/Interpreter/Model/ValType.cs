namespace WasmBench.Interpreter.Model;

/// <summary>
/// Value types. The low byte is the binary encoding of a number or vector type, or of the
/// heap type of a reference (an abstract one's own code, <see cref="ValTypes.Concrete"/> for a
/// type index); bit 8 marks a non-null reference and bits 9 up carry the type index of a
/// concrete heap type. So <c>funcref</c> (<c>(ref null func)</c>) is still the byte 0x70.
/// <see cref="Unknown"/> is the validator's bottom type.
/// </summary>
public enum ValType : uint
{
    Unknown = 0,
    I32 = 0x7F,
    I64 = 0x7E,
    F32 = 0x7D,
    F64 = 0x7C,
    V128 = 0x7B,
    FuncRef = 0x70,
    ExternRef = 0x6F,
    /// <summary>3.0, exception handling: <c>(ref null exn)</c>.</summary>
    ExnRef = 0x69,
}

internal static class ValTypes
{
    /// <summary>The heap-type code of a concrete (type index) heap type.</summary>
    public const byte Concrete = 0x01;
    public const byte Func = 0x70, Extern = 0x6F, NoFunc = 0x73, NoExtern = 0x72, Exn = 0x69, NoExn = 0x74;
    /// <summary>The GC heap types (3.0): any, eq, i31, struct, array and none.</summary>
    public const byte Any = 0x6E, Eq = 0x6D, I31 = 0x6C, Struct = 0x6B, Array = 0x6A, None = 0x71;
    public const uint NonNull = 0x100;

    public static byte Heap(this ValType t) => (byte)t;

    public static bool IsRef(this ValType t) => IsHeapCode(Heap(t));

    /// <summary>Whether <paramref name="h"/> is the code of a heap type (or <see cref="Concrete"/>).</summary>
    public static bool IsHeapCode(byte h) => h is Concrete or Func or Extern or NoFunc or NoExtern or Exn or NoExn or Any or Eq or I31 or Struct or Array or None;

    public static bool IsNum(this ValType t) => t is ValType.I32 or ValType.I64 or ValType.F32 or ValType.F64;

    public static bool Nullable(this ValType t) => ((uint)t & NonNull) == 0;

    /// <summary>Whether a local of this type has a default value (every type but non-null references).</summary>
    public static bool Defaultable(this ValType t) => !t.IsRef() || t.Nullable();

    /// <summary>The type index of a concrete reference type.</summary>
    public static int TypeIndex(this ValType t) => (int)((uint)t >> 9);

    public static ValType Ref(byte heap, bool nullable) => (ValType)(heap | (nullable ? 0u : NonNull));

    public static ValType RefTo(uint typeIndex, bool nullable) => (ValType)((typeIndex << 9) | Concrete | (nullable ? 0u : NonNull));

    public static ValType AsNonNull(this ValType t) => t.IsRef() ? (ValType)((uint)t | NonNull) : t;

    public static ValType AsNullable(this ValType t) => (ValType)((uint)t & ~NonNull);

    public static string Name(this ValType t) => t switch
    {
        ValType.I32 => "i32",
        ValType.I64 => "i64",
        ValType.F32 => "f32",
        ValType.F64 => "f64",
        ValType.V128 => "v128",
        ValType.FuncRef => "funcref",
        ValType.ExternRef => "externref",
        ValType.ExnRef => "exnref",
        _ when t.IsRef() => $"(ref {(t.Nullable() ? "null " : "")}{HeapName(t)})",
        _ => "unknown",
    };

    private static string HeapName(ValType t) => Heap(t) switch
    {
        Concrete => t.TypeIndex().ToString(System.Globalization.CultureInfo.InvariantCulture),
        Func => "func",
        Extern => "extern",
        NoFunc => "nofunc",
        Exn => "exn",
        NoExn => "noexn",
        Any => "any",
        Eq => "eq",
        I31 => "i31",
        Struct => "struct",
        Array => "array",
        None => "none",
        _ => "noextern",
    };
}

/// <summary>The type hierarchy a reference value belongs to (3.0): what its slot value means.</summary>
public enum RefHierarchy
{
    NotRef,
    Func,
    Extern,
    Exn,
    /// <summary>any, eq, i31, struct, array, none and concrete structure and array types: see <see cref="Runtime.Store.ClassifyAnyRef"/>.</summary>
    Any,
}

/// <summary>What an embedder needs to know of a reference type.</summary>
public static class RefTypes
{
    /// <summary>The hierarchy of a canonical value type (concrete type indices are canonical ids).</summary>
    internal static RefHierarchy HierarchyOfCanonical(ValType t) => !t.IsRef() ? RefHierarchy.NotRef : Validation.Subtyping.TopOf(null, t) switch
    {
        ValTypes.Func => RefHierarchy.Func,
        ValTypes.Extern => RefHierarchy.Extern,
        ValTypes.Exn => RefHierarchy.Exn,
        _ => RefHierarchy.Any,
    };

    /// <summary>Whether values of <paramref name="t"/> are external references (heap type extern or noextern).</summary>
    public static bool IsExtern(this ValType t) => t.IsRef() && t.Heap() is ValTypes.Extern or ValTypes.NoExtern;

    /// <summary>Whether values of <paramref name="t"/> are exception references (heap type exn or noexn).</summary>
    public static bool IsExn(this ValType t) => t.IsRef() && t.Heap() is ValTypes.Exn or ValTypes.NoExn;
}

/// <summary>A function signature; equal signatures compare equal structurally.</summary>
public sealed class FuncType(ValType[] parameters, ValType[] results) : IEquatable<FuncType>
{
    public ValType[] Params { get; } = parameters;

    public ValType[] Results { get; } = results;

    /// <summary>The canonical type: set by validation for a module's types, on first use for a host function's.</summary>
    internal CanonicalType Canon
    {
        get => _canon ??= TypeRegistry.ForHost(this);
        set => _canon = value;
    }

    private CanonicalType? _canon;

    public bool Equals(FuncType? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Params.AsSpan().SequenceEqual(other.Params) && Results.AsSpan().SequenceEqual(other.Results)));

    public override bool Equals(object? obj) => Equals(obj as FuncType);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var p in Params)
        {
            h.Add(p);
        }

        h.Add(-1);
        foreach (var r in Results)
        {
            h.Add(r);
        }

        return h.ToHashCode();
    }

    public override string ToString() =>
        $"[{string.Join(' ', Params.Select(p => p.Name()))}] -> [{string.Join(' ', Results.Select(p => p.Name()))}]";
}
