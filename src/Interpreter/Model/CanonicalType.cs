using System.Globalization;
using System.Text;

namespace WasmBench.Interpreter.Model;

/// <summary>
/// A defined type up to iso-recursive equivalence: two modules' types are the same type exactly
/// when they are the same <see cref="CanonicalType"/> object. Concrete reference types inside
/// (<see cref="Fields"/>, <see cref="Func"/>) carry canonical ids instead of module type indices,
/// so they compare across modules. <see cref="Supers"/> is the supertype chain from the root to
/// this type, so a subtype test is one array read.
/// </summary>
internal sealed class CanonicalType
{
    public int Id { get; init; }

    public CompositeKind Kind { get; init; }

    public bool Final { get; init; }

    public CanonicalType? Super { get; set; }

    public CanonicalType[] Supers { get; set; } = [];

    public FieldType[] Fields { get; set; } = [];

    public FuncType? Func { get; set; }

    /// <summary>Slot of each structure field in an object (a v128 field takes two).</summary>
    public int[] SlotOf { get; set; } = [];

    /// <summary>Slots of a structure object, or of one array element.</summary>
    public int Slots { get; set; }

    /// <summary>The slots that hold references (of a structure, or within one array element): what the collector traces.</summary>
    public int[] RefSlots { get; set; } = [];

    public bool IsSubtypeOf(CanonicalType b) =>
        ReferenceEquals(this, b) || (b.Supers.Length <= Supers.Length && ReferenceEquals(Supers[b.Supers.Length - 1], b));
}

/// <summary>
/// The process-wide table of canonical types, keyed by the structure of a whole recursion group
/// (references into the group relative, references out of it by canonical id). Entries are
/// never removed: the table grows with the distinct recursion groups compiled in the process.
/// </summary>
internal static class TypeRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, CanonicalType[]> Groups = new(StringComparer.Ordinal);
    private static readonly List<CanonicalType> ById = [];

    /// <summary>Largest canonical id: it has to fit in the type-index bits of a <see cref="ValType"/>.</summary>
    private const int MaxTypes = 1 << 22;

    public static CanonicalType Get(int id)
    {
        lock (Gate)
        {
            return ById[id];
        }
    }

    /// <summary>The canonical types of the group <c>m.Defs[start .. start + count)</c> (earlier groups already canonical).</summary>
    public static CanonicalType[] Canonicalize(WasmModule m, int start, int count)
    {
        var key = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            var d = m.Defs[i];
            key.Append(d.Final ? 'F' : 'S');
            Ref(key, m, start, count, d.Super);
            key.Append((char)('0' + (int)d.Kind));
            if (d.Kind == CompositeKind.Func)
            {
                foreach (var p in d.Func.Params)
                {
                    Val(key, m, start, count, p);
                }

                key.Append("->");
                foreach (var r in d.Func.Results)
                {
                    Val(key, m, start, count, r);
                }
            }
            else
            {
                foreach (var f in d.Fields)
                {
                    Val(key, m, start, count, f.Type);
                    key.Append(f.Packed).Append(f.Mutable ? 'm' : 'c');
                }
            }

            key.Append(';');
        }

        lock (Gate)
        {
            var k = key.ToString();
            if (Groups.TryGetValue(k, out var found))
            {
                return found;
            }

            if (ById.Count + count > MaxTypes)
            {
                throw Fail.Unsupported("too many distinct types in this process");
            }

            var group = new CanonicalType[count];
            for (var i = 0; i < count; i++)
            {
                var d = m.Defs[start + i];
                group[i] = new CanonicalType { Id = ById.Count, Kind = d.Kind, Final = d.Final };
                ById.Add(group[i]);
            }

            for (var i = 0; i < count; i++)
            {
                var d = m.Defs[start + i];
                var c = group[i];
                ValType Canon(ValType t) => t.IsRef() && t.Heap() == ValTypes.Concrete
                    ? ValTypes.RefTo((uint)(t.TypeIndex() >= start ? group[t.TypeIndex() - start] : m.Defs[t.TypeIndex()].Canon!).Id, t.Nullable())
                    : t;
                c.Super = d.Super < 0 ? null : d.Super >= start ? group[d.Super - start] : m.Defs[d.Super].Canon;
                c.Supers = c.Super is { } s ? [.. s.Supers, c] : [c];
                c.Func = d.Kind == CompositeKind.Func ? new FuncType([.. d.Func.Params.Select(Canon)], [.. d.Func.Results.Select(Canon)]) : null;
                c.Fields = [.. d.Fields.Select(f => f with { Type = Canon(f.Type) })];
                Layout(c);
            }

            Groups[k] = group;
            return group;
        }
    }

    /// <summary>The canonical type of a host function's signature (a group of one final type).</summary>
    public static CanonicalType ForHost(FuncType t)
    {
        var m = new WasmModule([]);
        m.Defs.Add(new SubType(CompositeKind.Func, t, [], final: true, super: -1));
        return Canonicalize(m, 0, 1)[0];
    }

    private static void Layout(CanonicalType c)
    {
        var slot = 0;
        c.SlotOf = new int[c.Fields.Length];
        for (var i = 0; i < c.Fields.Length; i++)
        {
            c.SlotOf[i] = slot;
            slot += c.Fields[i].Type == ValType.V128 ? 2 : 1;
        }

        c.Slots = slot;
        c.RefSlots = [.. Enumerable.Range(0, c.Fields.Length).Where(i => c.Fields[i].Type.IsRef()).Select(i => c.SlotOf[i])];
    }

    private static void Ref(StringBuilder key, WasmModule m, int start, int count, int index)
    {
        if (index < 0)
        {
            key.Append('-');
        }
        else if (index >= start && index < start + count)
        {
            key.Append('g').Append(index - start);
        }
        else
        {
            key.Append('c').Append(m.Defs[index].Canon!.Id);
        }
    }

    private static void Val(StringBuilder key, WasmModule m, int start, int count, ValType t)
    {
        key.Append(((uint)t & 0x1FF).ToString("x", CultureInfo.InvariantCulture));
        if (t.IsRef() && t.Heap() == ValTypes.Concrete)
        {
            Ref(key, m, start, count, t.TypeIndex());
        }

        key.Append(',');
    }
}
