using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// Subtyping of value types (3.0, with GC). Numbers and vectors match only themselves;
/// <c>(ref null? ht1)</c> matches <c>(ref null? ht2)</c> when the nullability allows it and
/// ht1 &lt;: ht2 in one of four hierarchies: any &gt; eq &gt; {i31, struct, array} &gt; none with
/// concrete structure and array types below struct / array; func &gt; concrete function types
/// &gt; nofunc; extern &gt; noextern; exn &gt; noexn. Concrete types compare by their canonical
/// (iso-recursive) types and declared supertypes, so types of different modules compare too:
/// <see cref="Canonical"/> turns a module's value type into one whose type index is a canonical id.
/// </summary>
internal static class Subtyping
{
    public static bool Matches(WasmModule m, ValType actual, ValType expected) =>
        actual == expected || actual == ValType.Unknown || expected == ValType.Unknown || CanonicalMatches(Canonical(m, actual), Canonical(m, expected));

    /// <summary><paramref name="t"/> with a concrete type index replaced by its canonical id.</summary>
    public static ValType Canonical(WasmModule m, ValType t) =>
        t.IsRef() && t.Heap() == ValTypes.Concrete ? ValTypes.RefTo((uint)m.Canon(t.TypeIndex()).Id, t.Nullable()) : t;

    /// <summary>Subtyping of two canonical value types (of any modules).</summary>
    public static bool CanonicalMatches(ValType actual, ValType expected)
    {
        if (actual == expected || actual == ValType.Unknown || expected == ValType.Unknown)
        {
            return true;
        }

        if (!actual.IsRef() || !expected.IsRef() || (actual.Nullable() && !expected.Nullable()))
        {
            return false;
        }

        return HeapMatches(actual, expected);
    }

    private static bool HeapMatches(ValType a, ValType b)
    {
        var (ha, hb) = (a.Heap(), b.Heap());
        if (ha == ValTypes.Concrete && hb == ValTypes.Concrete)
        {
            return TypeRegistry.Get(a.TypeIndex()).IsSubtypeOf(TypeRegistry.Get(b.TypeIndex()));
        }

        if (TopOf(null, a) != TopOf(null, b))
        {
            return false;
        }

        if (ha is ValTypes.None or ValTypes.NoFunc or ValTypes.NoExtern or ValTypes.NoExn)
        {
            return true;
        }

        var kind = ha == ValTypes.Concrete ? TypeRegistry.Get(a.TypeIndex()).Kind : (CompositeKind?)null;
        return hb switch
        {
            ValTypes.Any or ValTypes.Func or ValTypes.Extern or ValTypes.Exn => true,
            ValTypes.Eq => ha is ValTypes.Eq or ValTypes.I31 or ValTypes.Struct or ValTypes.Array || kind is CompositeKind.Struct or CompositeKind.Array,
            ValTypes.Struct => ha == ValTypes.Struct || kind == CompositeKind.Struct,
            ValTypes.Array => ha == ValTypes.Array || kind == CompositeKind.Array,
            ValTypes.I31 => ha == ValTypes.I31,
            _ => false,
        };
    }

    /// <summary>The top heap type of a (module or canonical) reference type's hierarchy: any, func, extern or exn.</summary>
    public static byte TopOf(WasmModule? m, ValType t) => t.Heap() switch
    {
        ValTypes.Concrete => (m is null ? TypeRegistry.Get(t.TypeIndex()).Kind : m.Defs[t.TypeIndex()].Kind) == CompositeKind.Func ? ValTypes.Func : ValTypes.Any,
        ValTypes.Func or ValTypes.NoFunc => ValTypes.Func,
        ValTypes.Extern or ValTypes.NoExtern => ValTypes.Extern,
        ValTypes.Exn or ValTypes.NoExn => ValTypes.Exn,
        _ => ValTypes.Any,
    };

    /// <summary>Whether two types of one module are the same type (iso-recursive equivalence).</summary>
    public static bool Equivalent(WasmModule m, int i, int j) => i == j || ReferenceEquals(m.Canon(i), m.Canon(j));

    /// <summary>Throws "unknown type" when a concrete reference type names no type of the module.</summary>
    public static ValType Check(WasmModule m, ValType t) =>
        t.IsRef() && t.Heap() == ValTypes.Concrete && t.TypeIndex() >= m.Types.Count ? throw Fail.Invalid("unknown type") : t;

    public static bool MatchesAll(WasmModule m, ValType[] actual, ValType[] expected)
    {
        if (actual.Length != expected.Length)
        {
            return false;
        }

        for (var k = 0; k < actual.Length; k++)
        {
            if (!Matches(m, actual[k], expected[k]))
            {
                return false;
            }
        }

        return true;
    }
}
