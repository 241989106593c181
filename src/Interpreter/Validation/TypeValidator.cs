using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Validation;

/// <summary>
/// The type section (3.0, GC): a type may name types of earlier recursion groups and of its own
/// group; each group is canonicalised (<see cref="TypeRegistry"/>) before its declared
/// supertypes are checked, since those checks compare types of the group itself. A declared
/// supertype must be earlier, not final and of the same kind, and the type must match it
/// structurally: function parameters contravariant and results covariant, structure fields a
/// prefix-extension, each immutable field covariant and each mutable field invariant.
/// </summary>
internal static class TypeValidator
{
    public static void Validate(WasmModule m)
    {
        for (var start = 0; start < m.Defs.Count; start += m.Defs[start].GroupSize)
        {
            var end = start + m.Defs[start].GroupSize;
            for (var i = start; i < end; i++)
            {
                var d = m.Defs[i];
                foreach (var t in Types(d))
                {
                    if (t.IsRef() && t.Heap() == ValTypes.Concrete && t.TypeIndex() >= end)
                    {
                        throw Fail.Invalid("unknown type");
                    }
                }

                if (d.Super >= i)
                {
                    throw Fail.Invalid("unknown type");
                }
            }

            var group = TypeRegistry.Canonicalize(m, start, end - start);
            for (var i = start; i < end; i++)
            {
                m.Defs[i].Canon = group[i - start];
                m.Types[i].Canon = group[i - start];
            }

            for (var i = start; i < end; i++)
            {
                CheckSuper(m, m.Defs[i]);
            }
        }
    }

    private static IEnumerable<ValType> Types(SubType d) =>
        d.Kind == CompositeKind.Func ? d.Func.Params.Concat(d.Func.Results) : d.Fields.Select(f => f.Type);

    private static void CheckSuper(WasmModule m, SubType d)
    {
        if (d.Super < 0)
        {
            return;
        }

        var s = m.Defs[d.Super];
        if (s.Final || s.Kind != d.Kind || !Matches(m, d, s))
        {
            throw Fail.Invalid("sub type does not match its supertype");
        }
    }

    private static bool Matches(WasmModule m, SubType d, SubType s)
    {
        switch (d.Kind)
        {
            case CompositeKind.Func:
                return Subtyping.MatchesAll(m, s.Func.Params, d.Func.Params) && Subtyping.MatchesAll(m, d.Func.Results, s.Func.Results);
            case CompositeKind.Array:
                return FieldMatches(m, d.Fields[0], s.Fields[0]);
            default:
                if (d.Fields.Length < s.Fields.Length)
                {
                    return false;
                }

                for (var i = 0; i < s.Fields.Length; i++)
                {
                    if (!FieldMatches(m, d.Fields[i], s.Fields[i]))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    private static bool FieldMatches(WasmModule m, FieldType a, FieldType b) =>
        a.Mutable == b.Mutable && a.Packed == b.Packed &&
        Subtyping.Matches(m, a.Type, b.Type) && (!a.Mutable || Subtyping.Matches(m, b.Type, a.Type));
}
