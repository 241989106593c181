using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Validation;

namespace WasmBench.Interpreter.Runtime;

/// <summary>Resolves one import to a value of the store, or null when there is none.</summary>
public delegate ExternValue? ImportResolver(string module, string name);

/// <summary>Module instantiation with 2.0 semantics (segments in order; a trap stops it, earlier writes stay).</summary>
internal static class Instantiator
{
    /// <summary>An imported tag matches when its type is the same function type.</summary>
    private static TagInstance ImportedTag(TagInstance tag, FuncType expected, Import imp) =>
        ReferenceEquals(tag.Type.Canon, expected.Canon) ? tag : throw Fail.Unlinkable($"incompatible import type for {imp.Module}.{imp.Name}: tag");

    public static ModuleInstance Instantiate(Store store, WasmModule m, ImportResolver resolve)
    {
        var inst = new ModuleInstance(m, store);
        store.AddInstance(inst);
        // Constant expressions hold GC objects the collector cannot see: no collection meanwhile.
        store.Heap.NoCollect++;
        try
        {
            return Instantiate(store, m, resolve, inst);
        }
        finally
        {
            store.Heap.NoCollect--;
        }
    }

    private static ModuleInstance Instantiate(Store store, WasmModule m, ImportResolver resolve, ModuleInstance inst)
    {
        var funcs = new List<FunctionInstance>();
        var tables = new List<TableInstance>();
        var globals = new List<GlobalInstance>();
        var memories = new List<MemoryInstance>();
        var tags = new List<TagInstance>();
        foreach (var imp in m.Imports)
        {
            var ev = resolve(imp.Module, imp.Name) ?? throw Fail.Unlinkable($"unknown import {imp.Module}.{imp.Name}");
            if (ev.Kind != imp.Kind)
            {
                throw Fail.Unlinkable($"incompatible import type for {imp.Module}.{imp.Name}");
            }

            switch (imp.Kind)
            {
                case ExternKind.Func:
                    var f = ev.Function!;
                    if (!f.Type.Canon.IsSubtypeOf(m.Canon((int)imp.FuncTypeIndex)))
                    {
                        throw Fail.Unlinkable($"incompatible import type for {imp.Module}.{imp.Name}: function signature");
                    }

                    funcs.Add(f);
                    break;
                case ExternKind.Table:
                    var t = ev.Table!;
                    if (t.CanonElement != Subtyping.Canonical(m, imp.Table!.Element) || t.Is64 != imp.Table.Limits.Is64 || !LimitsMatch(t.Size, t.Max, imp.Table.Limits))
                    {
                        throw Fail.Unlinkable($"incompatible import type for {imp.Module}.{imp.Name}: table");
                    }

                    tables.Add(t);
                    break;
                case ExternKind.Memory:
                    var mem = ev.Memory!;
                    if (mem.Is64 != imp.Memory!.Limits.Is64 || !LimitsMatch(mem.Pages, mem.Max, imp.Memory.Limits))
                    {
                        throw Fail.Unlinkable($"incompatible import type for {imp.Module}.{imp.Name}: memory");
                    }

                    memories.Add(mem);
                    break;
                case ExternKind.Tag:
                    tags.Add(ImportedTag(ev.Tag!, m.Types[(int)imp.FuncTypeIndex], imp));
                    break;
                default:
                    var g = ev.Global!;
                    if (!GlobalMatches(g, m, imp.Global!))
                    {
                        throw Fail.Unlinkable($"incompatible import type for {imp.Module}.{imp.Name}: global");
                    }

                    globals.Add(g);
                    break;
            }
        }

        for (var i = 0; i < m.Bodies.Count; i++)
        {
            funcs.Add(new FunctionInstance(store, m.FuncType((uint)(m.ImportedFuncs + i)), inst, i, null));
        }

        inst.Funcs = [.. funcs];
        inst.Tags = [.. tags, .. m.TagTypeIndices.Skip(m.ImportedTags).Select(ti => new TagInstance(m.Types[(int)ti]))];
        var limits = store.Limits;
        for (var i = m.ImportedTables; i < m.Tables.Count; i++)
        {
            var tt = m.Tables[i];
            if (tt.Limits.Min > limits.MaxTableSize)
            {
                throw new TrapException("table size exceeds the engine limit");
            }

            tables.Add(new TableInstance(tt.Element, (uint)tt.Limits.Min, tt.Limits.Max is { } max ? (uint)Math.Min(max, uint.MaxValue) : null, tt.Limits.Is64)
            {
                CanonElement = Subtyping.Canonical(m, tt.Element),
            });
        }

        inst.Tables = [.. tables];
        for (var i = m.ImportedMemories; i < m.Memories.Count; i++)
        {
            var mt = m.Memories[i];
            if (mt.Limits.Min > limits.MaxMemoryPages || mt.Limits.Min * MemoryInstance.PageSize > (ulong)Array.MaxLength)
            {
                throw new TrapException("memory size exceeds the engine limit");
            }

            memories.Add(new MemoryInstance((uint)mt.Limits.Min, mt.Limits.Max, mt.Limits.Is64));
        }

        inst.Memories = [.. memories];
        var bytes = memories.Sum(x => (decimal)x.Data.LongLength) + tables.Sum(t => (decimal)t.Elements.LongLength * 8);
        if (bytes > (decimal)limits.MaxMemoryPages * MemoryInstance.PageSize)
        {
            throw new TrapException("memories and tables together exceed the engine's memory limit");
        }

        inst.Memory = memories.Count > 0 ? memories[0] : null;
        // In order: a 3.0 global initializer may read the globals defined before it.
        var imported = globals.Count;
        inst.Globals = [.. globals, .. new GlobalInstance[m.Globals.Count]];
        for (var i = 0; i < m.Globals.Count; i++)
        {
            var lo = ConstExprs.Evaluate(inst, m.Globals[i].Init, out var hi);
            inst.Globals[imported + i] = new GlobalInstance(m.Globals[i].Type, lo) { Hi = hi, CanonType = Subtyping.Canonical(m, m.Globals[i].Type.Type) };
        }

        foreach (var (ti, init) in m.TableInits)
        {
            Array.Fill(inst.Tables[ti].Elements, ConstExprs.Evaluate(inst, init));
        }

        foreach (var x in m.Exports)
        {
            inst.Exports[x.Name] = x.Kind switch
            {
                ExternKind.Func => new ExternValue(x.Kind, inst.Funcs[x.Index]),
                ExternKind.Table => new ExternValue(x.Kind, inst.Tables[x.Index]),
                ExternKind.Memory => new ExternValue(x.Kind, inst.Memories[x.Index]),
                ExternKind.Tag => new ExternValue(x.Kind, inst.Tags[x.Index]),
                _ => new ExternValue(x.Kind, inst.Globals[x.Index]),
            };
        }

        inst.ElemSegments = new ulong[]?[m.Elements.Count];
        for (var i = 0; i < m.Elements.Count; i++)
        {
            var e = m.Elements[i];
            inst.ElemSegments[i] = e.FuncIndices is { } fi
                ? [.. fi.Select(f => inst.Funcs[f].RefValue)]
                : [.. e.Exprs!.Select(x => ConstExprs.Evaluate(inst, x))];
        }

        inst.DataDropped = new bool[m.Data.Count];
        for (var i = 0; i < m.Elements.Count; i++)
        {
            var e = m.Elements[i];
            if (e.Mode == SegmentMode.Active)
            {
                // A table64 offset beyond 32 bits is out of bounds of any table: saturate it.
                var offset = (uint)Math.Min(ConstExprs.Evaluate(inst, e.Offset), uint.MaxValue);
                var seg = inst.ElemSegments[i]!;
                var t = inst.Tables[e.Table];
                if ((ulong)offset + (ulong)seg.Length > t.Size)
                {
                    throw new TrapException("out of bounds table access");
                }

                seg.CopyTo(t.Elements, offset);
            }

            if (e.Mode != SegmentMode.Passive)
            {
                inst.ElemSegments[i] = null;
            }
        }

        for (var i = 0; i < m.Data.Count; i++)
        {
            var d = m.Data[i];
            if (d.Mode != SegmentMode.Active)
            {
                continue;
            }

            var offset = ConstExprs.Evaluate(inst, d.Offset);
            var mem = inst.Memories[d.Memory];
            if (!mem.Is64)
            {
                offset = (uint)offset;
            }

            if (offset > (ulong)mem.Data.Length || (ulong)d.Length > (ulong)mem.Data.Length - offset)
            {
                throw new TrapException("out of bounds memory access");
            }

            m.Bytes.AsSpan(d.Start, d.Length).CopyTo(mem.Data.AsSpan((int)offset));
            inst.DataDropped[i] = true;
        }

        if (m.Start is { } start)
        {
            store.Heap.NoCollect--;
            try
            {
                store.Invoke(inst.Funcs[start], []);
            }
            finally
            {
                store.Heap.NoCollect++;
            }
        }

        return inst;
    }

    /// <summary>An immutable global matches a supertype of its type; a mutable one only its own type.</summary>
    private static bool GlobalMatches(GlobalInstance g, WasmModule m, GlobalType expected)
    {
        var want = Subtyping.Canonical(m, expected.Type);
        return g.Type.Mutable == expected.Mutable &&
            (expected.Mutable ? g.CanonType == want : Subtyping.CanonicalMatches(g.CanonType, want));
    }

    private static bool LimitsMatch(ulong actualMin, ulong? actualMax, Limits expected) =>
        actualMin >= expected.Min && (expected.Max is not { } max || (actualMax is { } am && am <= max));
}
