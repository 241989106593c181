using WasmBench.Interpreter.Binary;
using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// Subtyping of value types within one module (typed function references, no GC): numbers
/// and vectors match only themselves; <c>(ref null? ht1)</c> matches <c>(ref null? ht2)</c>
/// when the nullability allows it and ht1 &lt;: ht2, where a concrete function type &lt;: func,
/// nofunc &lt;: every function heap type, noextern &lt;: extern, noexn &lt;: exn, and two concrete types match
/// when they are the same index or structurally equal definitions.
/// </summary>
internal static class Subtyping
{
    public static bool Matches(WasmModule m, ValType actual, ValType expected)
    {
        if (actual == expected || actual == ValType.Unknown || expected == ValType.Unknown)
        {
            return true;
        }

        if (!actual.IsRef() || !expected.IsRef() || (actual.Nullable() && !expected.Nullable()))
        {
            return false;
        }

        return HeapMatches(m, actual, expected);
    }

    private static bool HeapMatches(WasmModule m, ValType a, ValType b)
    {
        var ha = a.Heap();
        var hb = b.Heap();
        return (ha, hb) switch
        {
            (ValTypes.Concrete, ValTypes.Concrete) => Equivalent(m, a.TypeIndex(), b.TypeIndex()),
            (ValTypes.Concrete, ValTypes.Func) => true,
            (ValTypes.NoFunc, ValTypes.Func or ValTypes.Concrete or ValTypes.NoFunc) => true,
            (ValTypes.NoExtern, ValTypes.Extern or ValTypes.NoExtern) => true,
            (ValTypes.NoExn, ValTypes.Exn or ValTypes.NoExn) => true,
            _ => ha == hb,
        };
    }

    /// <summary>Whether types <paramref name="i"/> and <paramref name="j"/> of the module are the same function type.</summary>
    public static bool Equivalent(WasmModule m, int i, int j)
    {
        if (i == j)
        {
            return true;
        }

        if (i >= m.Types.Count || j >= m.Types.Count)
        {
            return false;
        }

        // Without recursion groups a type only names earlier types (or itself), so this ends.
        var a = m.Types[i];
        var b = m.Types[j];
        return Same(m, a.Params, b.Params, i, j) && Same(m, a.Results, b.Results, i, j);
    }

    private static bool Same(WasmModule m, ValType[] xs, ValType[] ys, int i, int j)
    {
        if (xs.Length != ys.Length)
        {
            return false;
        }

        for (var k = 0; k < xs.Length; k++)
        {
            var x = xs[k];
            var y = ys[k];
            if (x == y)
            {
                continue;
            }

            if (!x.IsRef() || !y.IsRef() || x.Heap() != ValTypes.Concrete || y.Heap() != ValTypes.Concrete || x.Nullable() != y.Nullable())
            {
                return false;
            }

            var (xi, yi) = (x.TypeIndex(), y.TypeIndex());
            var same = (xi, yi) == (i, j) || (xi < i && yi < j && Equivalent(m, xi, yi));
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

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
