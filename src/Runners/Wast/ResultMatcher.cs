using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Wast;

/// <summary>
/// Matches actual values against expected patterns as the spec harnesses do: bitwise for
/// numbers (+0 != -0), NaN classes per lane, references by class, null-ness and host identity.
/// </summary>
public static class ResultMatcher
{
    public static bool Matches(IReadOnlyList<ResultPattern> expected, IReadOnlyList<WasmValue> actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (!Matches(expected[i], actual[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Matches(ResultPattern expected, WasmValue actual) => expected switch
    {
        ExactPattern { Value: var v } when v.Kind == ValueKind.Ref => MatchesRef(new RefPattern(v.RefKind, v.IsNull, v.HostId >= 0 ? v.HostId : null), actual),
        ExactPattern { Value: var v } => v.Kind == actual.Kind && v.Lo == actual.Lo && (v.Kind != ValueKind.V128 || v.Hi == actual.Hi),
        NanPattern n => n.Kind == actual.Kind && IsNan(actual.Lo, n.Kind == ValueKind.F32 ? 32 : 64, n.Canonical ? NanClass.Canonical : NanClass.Arithmetic),
        V128Pattern p => actual.Kind == ValueKind.V128 && MatchesLanes(p, actual),
        RefPattern r => MatchesRef(r, actual),
        EitherPattern e => e.Alternatives.Any(a => Matches(a, actual)),
        _ => false,
    };

    public static bool IsNan(ulong bits, int width, NanClass nan)
    {
        var (exp, quiet, payload) = width == 32
            ? (0x7f800000UL, 0x00400000UL, 0x007fffffUL)
            : (0x7ff0000000000000UL, 0x0008000000000000UL, 0x000fffffffffffffUL);
        if ((bits & exp) != exp)
        {
            return false;
        }

        return nan == NanClass.Canonical ? (bits & payload) == quiet : (bits & quiet) != 0;
    }

    private static bool MatchesLanes(V128Pattern p, WasmValue actual)
    {
        var bits = p.LaneBits;
        var mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        for (var i = 0; i < p.Lanes.Count; i++)
        {
            var offset = i * bits;
            var lane = (offset < 64 ? actual.Lo >> offset : actual.Hi >> (offset - 64)) & mask;
            var expected = p.Lanes[i];
            var ok = expected.Nan == NanClass.None ? lane == (expected.Bits & mask) : IsNan(lane, bits, expected.Nan);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesRef(RefPattern r, WasmValue actual)
    {
        if (actual.Kind != ValueKind.Ref)
        {
            return false;
        }

        if (r.IsNull)
        {
            return actual.IsNull && (r.Kind is not { } k || Hierarchy(k) == Hierarchy(actual.RefKind));
        }

        if (actual.IsNull)
        {
            return false;
        }

        if (r.HostId is { } id)
        {
            return actual.HostId == id && (r.IsHost || Hierarchy(actual.RefKind) == Hierarchy(RefKind.Extern));
        }

        return r.Kind switch
        {
            RefKind.Func => Hierarchy(actual.RefKind) == RefKind.Func,
            RefKind.Extern => Hierarchy(actual.RefKind) == RefKind.Extern,
            RefKind.Exn => Hierarchy(actual.RefKind) == RefKind.Exn,
            RefKind.Any => Hierarchy(actual.RefKind) == RefKind.Any,
            RefKind.Eq => actual.RefKind is RefKind.Eq or RefKind.I31 or RefKind.Struct or RefKind.Array,
            { } k => actual.RefKind == k,
            null => true,
        };
    }

    /// <summary>The top type of a heap type's hierarchy.</summary>
    public static RefKind Hierarchy(RefKind k) => k switch
    {
        RefKind.Func or RefKind.NoFunc => RefKind.Func,
        RefKind.Extern or RefKind.NoExtern => RefKind.Extern,
        RefKind.Exn or RefKind.NoExn => RefKind.Exn,
        _ => RefKind.Any,
    };
}
