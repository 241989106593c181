namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// Finds, straight from a module's bytes, imports and exports whose types the Wasmtime .NET API
/// cannot represent. That API lists a module's imports and exports when it creates the module,
/// and any reference type other than exactly <c>funcref</c> or <c>externref</c> (e.g. <c>anyref</c>,
/// <c>exnref</c>, <c>(ref null $t)</c>, <c>(ref func)</c>, <c>nullfuncref</c>) in them aborts the
/// whole process inside the native library ("support for non-externref and non-funcref references
/// is not implemented"). Such modules must never reach <c>Module.FromBytes</c>.
/// </summary>
internal static class WasmExportTypes
{
    /// <summary>
    /// Scans the module: an import the .NET API cannot represent makes the whole module unusable
    /// (<see cref="BoundaryScan.ImportProblem"/>); exports it cannot represent are listed so they can be
    /// cut out of the export section (<see cref="BoundaryScan.WithoutProblemExports"/>).
    /// </summary>
    public static BoundaryScan Scan(ReadOnlySpan<byte> wasm)
    {
        try
        {
            return Check(ModuleTypes.Read(wasm));
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            return new BoundaryScan(
                "the module's import and export types could not be read (" + e.Message + "), and the Wasmtime .NET API aborts the process on types it does not support",
                [],
                default);
        }
    }

    private static BoundaryScan Check(ModuleTypes m)
    {
        IEnumerable<int> Func(int typeIndex)
        {
            var type = m.FuncTypeAt(typeIndex);
            return type.Params.Concat(type.Results);
        }

        // The types a function, table, global or tag of that index carries across the boundary.
        IEnumerable<int> Carried(byte kind, int index) => kind switch
        {
            0 => Func(m.Funcs[index]),
            1 => [m.Tables[index]],
            3 => [m.Globals[index].Type],
            4 => Func(m.Tags[index]),
            _ => [],
        };

        string? Why(IEnumerable<int> valTypes, string what) =>
            valTypes.Where(t => !IsSupported(t)).Select(t => $"the Wasmtime .NET API cannot represent {Describe(t)} in {what} (it aborts the process on any reference type but funcref and externref)").FirstOrDefault();

        var problem = m.Imports.Select(i => Why(Carried(i.Kind, i.Index), $"the import \"{i.Module}\" \"{i.Name}\"")).FirstOrDefault(w => w is not null);
        if (problem is not null)
        {
            return new BoundaryScan(problem + ", so the module is not compiled", [], default);
        }

        var problemExports = m.Exports
            .Select((e, position) => Why(Carried(e.Kind, e.Index), $"the export \"{e.Name}\"") is { } why ? new ProblemExport(e.Name, why, position) : null)
            .OfType<ProblemExport>()
            .ToList();
        var section = m.Exports.Count == 0 && m.ExportSection == default
            ? default
            : new ExportSection(m.ExportSection.Start, m.ExportSection.End, [.. m.Exports.Select(e => (e.EntryStart, e.EntryEnd))]);
        return new BoundaryScan(null, problemExports, section);
    }

    /// <summary>An export the .NET API cannot represent: its name, why, and its position in the export section.</summary>
    internal sealed record ProblemExport(string Name, string Reason, int Position);

    /// <summary>Where the export section is (from its id byte to its end) and where each entry is.</summary>
    internal readonly record struct ExportSection(int Start, int End, List<(int Start, int End)>? Entries);

    /// <summary>The result of <see cref="Scan"/>.</summary>
    internal sealed record BoundaryScan(string? ImportProblem, IReadOnlyList<ProblemExport> ProblemExports, ExportSection Exports)
    {
        /// <summary>The module with the problem exports cut out of its export section (the same bytes when there are none).</summary>
        public byte[] WithoutProblemExports(ReadOnlySpan<byte> wasm)
        {
            if (ProblemExports.Count == 0 || Exports.Entries is null)
            {
                return wasm.ToArray();
            }

            var cut = ProblemExports.Select(p => p.Position).ToHashSet();
            var body = new List<byte>();
            WriteU32(body, (uint)(Exports.Entries.Count - cut.Count));
            for (var i = 0; i < Exports.Entries.Count; i++)
            {
                if (!cut.Contains(i))
                {
                    body.AddRange(wasm[Exports.Entries[i].Start..Exports.Entries[i].End]);
                }
            }

            var result = new List<byte>(wasm.Length);
            result.AddRange(wasm[..Exports.Start]);
            result.Add(7);
            WriteU32(result, (uint)body.Count);
            result.AddRange(body);
            result.AddRange(wasm[Exports.End..]);
            return [.. result];
        }

        private static void WriteU32(List<byte> output, uint value)
        {
            do
            {
                var b = (byte)(value & 0x7F);
                value >>= 7;
                output.Add(value == 0 ? b : (byte)(b | 0x80));
            }
            while (value != 0);
        }
    }

    private static bool IsSupported(int t) => t < 0x100 || t is ModuleTypes.NullableFuncRef or ModuleTypes.NullableExternRef;

    private static string Describe(int t) => t switch
    {
        >= 0x20000 => "a non-nullable typed reference",
        >= 0x10000 => "a typed reference (ref null $t)",
        >= 0x1000 => "a non-nullable reference",
        0x169 or 0x174 => "exnref",
        0x173 or 0x172 or 0x171 => "a bottom reference type (nullref/nullfuncref/nullexternref)",
        _ => "a GC reference type (anyref, eqref, i31ref, structref, arrayref)",
    };
}
