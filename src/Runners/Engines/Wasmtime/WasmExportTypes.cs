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
    private const int NullableFuncRef = 0x170;
    private const int NullableExternRef = 0x16F;

    /// <summary>
    /// Scans the module: an import the .NET API cannot represent makes the whole module unusable
    /// (<see cref="BoundaryScan.ImportProblem"/>); exports it cannot represent are listed so they can be
    /// cut out of the export section (<see cref="BoundaryScan.WithoutProblemExports"/>).
    /// </summary>
    public static BoundaryScan Scan(ReadOnlySpan<byte> wasm)
    {
        try
        {
            return Read(wasm);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            return new BoundaryScan(
                "the module's import and export types could not be read (" + e.Message + "), and the Wasmtime .NET API aborts the process on types it does not support",
                [],
                default);
        }
    }

    private static BoundaryScan Read(ReadOnlySpan<byte> wasm)
    {
        var r = new WasmByteReader(wasm) { Position = 8 };
        var types = new List<List<int>?>();
        var funcs = new List<int>();
        var tables = new List<int>();
        var globals = new List<int>();
        var tags = new List<int>();
        string? problem = null;
        var problemExports = new List<ProblemExport>();
        var exportSection = default(ExportSection);
        string? Why(IEnumerable<int> valTypes, string what)
        {
            foreach (var t in valTypes)
            {
                if (!IsSupported(t))
                {
                    return $"the Wasmtime .NET API cannot represent {Describe(t)} in {what} (it aborts the process on any reference type but funcref and externref)";
                }
            }

            return null;
        }

        void Check(IEnumerable<int> valTypes, string what) => problem ??= Why(valTypes, what) is { } why ? why + ", so the module is not compiled" : null;

        IEnumerable<int> FuncTypes(int typeIndex) =>
            types[typeIndex] ?? throw new FormatException($"type {typeIndex} is not a function type");

        while (!r.AtEnd && problem is null)
        {
            var sectionStart = r.Position;
            var id = r.Byte();
            var size = (int)r.U32();
            var end = r.Position + size;
            switch (id)
            {
                case 1:
                    ReadTypes(ref r, types);
                    break;
                case 2:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        var module = r.Name();
                        var name = r.Name();
                        var what = $"the import \"{module}\" \"{name}\"";
                        switch (r.Byte())
                        {
                            case 0:
                                var index = (int)r.U32();
                                funcs.Add(index);
                                Check(FuncTypes(index), what);
                                break;
                            case 1:
                                var element = ReadValType(ref r);
                                r.SkipLimits();
                                tables.Add(element);
                                Check([element], what);
                                break;
                            case 2:
                                r.SkipLimits();
                                break;
                            case 3:
                                var global = ReadValType(ref r);
                                r.Byte();
                                globals.Add(global);
                                Check([global], what);
                                break;
                            case 4:
                                r.Byte();
                                var tag = (int)r.U32();
                                tags.Add(tag);
                                Check(FuncTypes(tag), what);
                                break;
                            default:
                                throw new FormatException("unknown import kind");
                        }
                    }

                    break;
                case 3:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        funcs.Add((int)r.U32());
                    }

                    break;
                case 4:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        var hasInit = r.Peek() == 0x40;
                        if (hasInit)
                        {
                            r.Byte();
                            r.Byte();
                        }

                        tables.Add(ReadValType(ref r));
                        r.SkipLimits();
                        if (hasInit)
                        {
                            r.SkipConstExpr();
                        }
                    }

                    break;
                case 6:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        globals.Add(ReadValType(ref r));
                        r.Byte();
                        r.SkipConstExpr();
                    }

                    break;
                case 13:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        r.Byte();
                        tags.Add((int)r.U32());
                    }

                    break;
                case 7:
                    var count = (int)r.U32();
                    var entries = new List<(int Start, int End)>(count);
                    for (var n = 0; n < count; n++)
                    {
                        var entryStart = r.Position;
                        var name = r.Name();
                        var kind = r.Byte();
                        var index = (int)r.U32();
                        var what = $"the export \"{name}\"";
                        var why = kind switch
                        {
                            0 => Why(FuncTypes(funcs[index]), what),
                            1 => Why([tables[index]], what),
                            3 => Why([globals[index]], what),
                            4 => Why(FuncTypes(tags[index]), what),
                            _ => null,
                        };
                        entries.Add((entryStart, r.Position));
                        if (why is not null)
                        {
                            problemExports.Add(new ProblemExport(name, why, n));
                        }
                    }

                    exportSection = new ExportSection(sectionStart, end, entries);
                    break;
            }

            r.Position = end;
        }

        return new BoundaryScan(problem, problemExports, exportSection);
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

    private static bool IsSupported(int t) => t < 0x100 || t is NullableFuncRef or NullableExternRef;

    private static string Describe(int t) => t switch
    {
        >= 0x20000 => "a non-nullable typed reference",
        >= 0x10000 => "a typed reference (ref null $t)",
        >= 0x1000 => "a non-nullable reference",
        0x169 or 0x174 => "exnref",
        0x173 or 0x172 or 0x171 => "a bottom reference type (nullref/nullfuncref/nullexternref)",
        _ => "a GC reference type (anyref, eqref, i31ref, structref, arrayref)",
    };

    /// <summary>
    /// Encodes a value type: numeric/vector as its byte (&lt; 0x100); abstract reference as 0x100 + heap byte,
    /// plus 0x1000 when non-nullable; concrete reference as 0x10000 + index, plus 0x10000 when non-nullable.
    /// </summary>
    private static int ReadValType(ref WasmByteReader r)
    {
        var b = r.Byte();
        if (b is 0x63 or 0x64)
        {
            var nonNull = b == 0x64;
            var heap = r.S33();
            return heap >= 0
                ? 0x10000 + (nonNull ? 0x10000 : 0) + (int)Math.Min(heap, 0xFFFF)
                : 0x100 + (int)(heap & 0x7F) + (nonNull ? 0x1000 : 0);
        }

        return b is >= 0x65 and <= 0x74 ? 0x100 + b : b;
    }

    private static void ReadTypes(ref WasmByteReader r, List<List<int>?> types)
    {
        for (var n = r.U32(); n > 0; n--)
        {
            if (r.Peek() == 0x4E)
            {
                r.Byte();
                for (var m = r.U32(); m > 0; m--)
                {
                    types.Add(ReadSubType(ref r));
                }
            }
            else
            {
                types.Add(ReadSubType(ref r));
            }
        }
    }

    /// <summary>A function type's parameters and results together, or null for a struct or array type.</summary>
    private static List<int>? ReadSubType(ref WasmByteReader r)
    {
        if (r.Peek() is 0x50 or 0x4F)
        {
            r.Byte();
            for (var k = r.U32(); k > 0; k--)
            {
                r.U32();
            }
        }

        var form = r.Byte();
        switch (form)
        {
            case 0x60:
                var all = new List<int>();
                for (var n = r.U32(); n > 0; n--)
                {
                    all.Add(ReadValType(ref r));
                }

                for (var n = r.U32(); n > 0; n--)
                {
                    all.Add(ReadValType(ref r));
                }

                return all;
            case 0x5F:
                for (var f = r.U32(); f > 0; f--)
                {
                    ReadStorageType(ref r);
                    r.Byte();
                }

                return null;
            case 0x5E:
                ReadStorageType(ref r);
                r.Byte();
                return null;
            default:
                throw new FormatException($"type form 0x{form:x2} is not read");
        }
    }

    private static void ReadStorageType(ref WasmByteReader r)
    {
        if (r.Peek() is 0x78 or 0x77)
        {
            r.Byte();
        }
        else
        {
            ReadValType(ref r);
        }
    }
}
