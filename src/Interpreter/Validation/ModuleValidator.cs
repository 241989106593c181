using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Validation;

/// <summary>Module-level validation (the function bodies go through <see cref="FunctionCompiler"/>).</summary>
internal static class ModuleValidator
{
    private const ulong MaxPages = 65536;
    private const ulong MaxPages64 = 1UL << 48;

    public static void Validate(WasmModule m)
    {
        TypeValidator.Validate(m);
        CheckTypeIndices(m);
        foreach (var ti in m.FuncTypeIndices)
        {
            m.FuncTypeAt(ti);
        }

        foreach (var ti in m.TagTypeIndices)
        {
            if (m.FuncTypeAt(ti).Results.Length != 0)
            {
                throw Fail.Invalid("non-empty tag result type");
            }
        }

        for (var i = m.ImportedTables; i < m.Tables.Count; i++)
        {
            var elem = m.Tables[i].Element;
            if (m.TableInits.TryGetValue(i, out var init))
            {
                // The table section comes before the globals: only imported globals are visible.
                ConstExprs.Validate(m, init, elem, m.ImportedGlobals);
            }
            else if (!elem.Defaultable())
            {
                throw Fail.Invalid("type mismatch: a table of a non-null reference type needs an initializer");
            }
        }

        foreach (var t in m.Tables)
        {
            if (!t.Limits.Is64 && (t.Limits.Min > uint.MaxValue || t.Limits.Max > uint.MaxValue))
            {
                throw Fail.Invalid("table size must be at most 2^32-1");
            }

            if (t.Limits.Max is { } max && t.Limits.Min > max)
            {
                throw Fail.Invalid("size minimum must not be greater than maximum");
            }
        }

        if (m.Memories.Count > 1 && !m.Wasm3)
        {
            throw Fail.Invalid("multiple memories");
        }

        foreach (var mem in m.Memories)
        {
            var maxPages = mem.Limits.Is64 ? MaxPages64 : MaxPages;
            if (mem.Limits.Min > maxPages || mem.Limits.Max > maxPages)
            {
                throw Fail.Invalid(mem.Limits.Is64 ? "memory size must be at most 2^48 pages" : "memory size must be at most 65536 pages (4GiB)");
            }

            if (mem.Limits.Max is { } max && mem.Limits.Min > max)
            {
                throw Fail.Invalid("size minimum must not be greater than maximum");
            }
        }

        var refs = new HashSet<uint>();
        foreach (var g in m.Globals)
        {
            ConstExprs.CollectRefs(m, g.Init, refs);
        }

        foreach (var e in m.Elements)
        {
            if (e.FuncIndices is not null)
            {
                refs.UnionWith(e.FuncIndices);
            }
            else
            {
                foreach (var x in e.Exprs!)
                {
                    ConstExprs.CollectRefs(m, x, refs);
                }
            }
        }

        foreach (var x in m.Exports)
        {
            if (x.Kind == ExternKind.Func)
            {
                refs.Add(x.Index);
            }
        }

        m.DeclaredRefs = refs;

        for (var i = 0; i < m.Globals.Count; i++)
        {
            ConstExprs.Validate(m, m.Globals[i].Init, m.Globals[i].Type.Type, m.ImportedGlobals + i);
        }

        ValidateExports(m);
        if (m.Start is { } start)
        {
            if (start >= m.FuncTypeIndices.Count)
            {
                throw Fail.Invalid("unknown function");
            }

            var ft = m.FuncType(start);
            if (ft.Params.Length != 0 || ft.Results.Length != 0)
            {
                throw Fail.Invalid("start function must have type [] -> []");
            }
        }

        ValidateSegments(m);
        for (var i = 0; i < m.Bodies.Count; i++)
        {
            FunctionCompiler.Validate(m, i);
        }
    }

    /// <summary>Every concrete reference type of the module's declarations names a type it has.</summary>
    private static void CheckTypeIndices(WasmModule m)
    {
        foreach (var t in m.Tables)
        {
            Subtyping.Check(m, t.Element);
        }

        foreach (var g in m.GlobalTypes)
        {
            Subtyping.Check(m, g.Type);
        }

        foreach (var e in m.Elements)
        {
            Subtyping.Check(m, e.Type);
        }
    }

    private static void ValidateExports(WasmModule m)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var x in m.Exports)
        {
            if (!names.Add(x.Name))
            {
                throw Fail.Invalid("duplicate export name");
            }

            var count = x.Kind switch
            {
                ExternKind.Func => m.FuncTypeIndices.Count,
                ExternKind.Table => m.Tables.Count,
                ExternKind.Memory => m.Memories.Count,
                ExternKind.Tag => m.TagTypeIndices.Count,
                _ => m.GlobalTypes.Count,
            };
            if (x.Index >= count)
            {
                throw Fail.Invalid($"unknown {x.Kind.ToString().ToLowerInvariant()}");
            }
        }
    }

    private static void ValidateSegments(WasmModule m)
    {
        foreach (var e in m.Elements)
        {
            if (e.Mode == SegmentMode.Active)
            {
                if (e.Table >= m.Tables.Count)
                {
                    throw Fail.Invalid("unknown table");
                }

                if (!Subtyping.Matches(m, e.Type, m.Tables[(int)e.Table].Element))
                {
                    throw Fail.Invalid("type mismatch: element segment type");
                }

                ConstExprs.Validate(m, e.Offset, m.Tables[(int)e.Table].Limits.IndexType, m.GlobalTypes.Count);
            }

            if (e.FuncIndices is not null)
            {
                foreach (var f in e.FuncIndices)
                {
                    if (f >= m.FuncTypeIndices.Count)
                    {
                        throw Fail.Invalid("unknown function");
                    }
                }
            }
            else
            {
                foreach (var x in e.Exprs!)
                {
                    ConstExprs.Validate(m, x, e.Type, m.GlobalTypes.Count);
                }
            }
        }

        foreach (var d in m.Data)
        {
            if (d.Mode == SegmentMode.Active)
            {
                if (d.Memory >= m.Memories.Count)
                {
                    throw Fail.Invalid("unknown memory");
                }

                ConstExprs.Validate(m, d.Offset, m.Memories[(int)d.Memory].Limits.IndexType, m.GlobalTypes.Count);
            }
        }
    }
}
