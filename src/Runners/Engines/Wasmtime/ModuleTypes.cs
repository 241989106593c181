namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// The types a module's imports and exports have, read straight from its bytes: the one walk over
/// the type, import, function, table, global, tag and export sections that both the Wasmtime
/// boundary check (<see cref="WasmExportTypes"/>) and the JS wrappers (<c>ExportSignatures</c>) need.
/// Value types are encoded as one int (<see cref="ReadValType"/>) so a caller maps them to its own.
/// </summary>
internal sealed class ModuleTypes
{
    /// <summary>A nullable <c>funcref</c> as <see cref="ReadValType"/> encodes it.</summary>
    public const int NullableFuncRef = 0x170;

    /// <summary>A nullable <c>externref</c> as <see cref="ReadValType"/> encodes it.</summary>
    public const int NullableExternRef = 0x16F;

    /// <summary>Per type index: a function type, or null for a struct or array type.</summary>
    public List<FuncType?> Types { get; } = [];

    /// <summary>The type index of each function, imported ones first.</summary>
    public List<int> Funcs { get; } = [];

    /// <summary>The element type of each table, imported ones first.</summary>
    public List<int> Tables { get; } = [];

    /// <summary>The value type and mutability of each global, imported ones first.</summary>
    public List<(int Type, bool Mutable)> Globals { get; } = [];

    /// <summary>The type index of each tag, imported ones first.</summary>
    public List<int> Tags { get; } = [];

    public List<Import> Imports { get; } = [];

    public List<Export> Exports { get; } = [];

    /// <summary>The export section from its id byte to its end; default when the module has none.</summary>
    public (int Start, int End) ExportSection { get; private set; }

    /// <summary>A function type: parameter and result value types.</summary>
    internal sealed record FuncType(int[] Params, int[] Results);

    /// <summary>An import: <paramref name="Index"/> is its index in the space of its kind (0 function, 1 table, 2 memory, 3 global, 4 tag).</summary>
    internal sealed record Import(string Module, string Name, byte Kind, int Index);

    /// <summary>An export and where its entry lies in the module's bytes.</summary>
    internal sealed record Export(string Name, byte Kind, int Index, int EntryStart, int EntryEnd);

    /// <summary>
    /// Reads the module. Throws <see cref="FormatException"/>, <see cref="IndexOutOfRangeException"/>,
    /// <see cref="ArgumentOutOfRangeException"/> or <see cref="OverflowException"/> on bytes it cannot read.
    /// </summary>
    public static ModuleTypes Read(ReadOnlySpan<byte> wasm)
    {
        var m = new ModuleTypes();
        var r = new WasmByteReader(wasm) { Position = 8 };
        while (!r.AtEnd)
        {
            var sectionStart = r.Position;
            var id = r.Byte();
            var size = (int)r.U32();
            var end = r.Position + size;
            switch (id)
            {
                case 1:
                    m.ReadTypes(ref r);
                    break;
                case 2:
                    m.ReadImports(ref r);
                    break;
                case 3:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        m.Funcs.Add((int)r.U32());
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

                        m.Tables.Add(ReadValType(ref r));
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
                        var type = ReadValType(ref r);
                        m.Globals.Add((type, r.Byte() == 1));
                        r.SkipConstExpr();
                    }

                    break;
                case 13:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        r.Byte();
                        m.Tags.Add((int)r.U32());
                    }

                    break;
                case 7:
                    for (var n = r.U32(); n > 0; n--)
                    {
                        var entryStart = r.Position;
                        var name = r.Name();
                        var kind = r.Byte();
                        var index = (int)r.U32();
                        m.Exports.Add(new Export(name, kind, index, entryStart, r.Position));
                    }

                    m.ExportSection = (sectionStart, end);
                    break;
            }

            r.Position = end;
        }

        return m;
    }

    /// <summary>The function type at <paramref name="typeIndex"/>; throws when it is a struct or array type.</summary>
    public FuncType FuncTypeAt(int typeIndex) =>
        Types[typeIndex] ?? throw new FormatException($"type {typeIndex} is not a function type");

    /// <summary>
    /// Encodes a value type: numeric/vector as its byte (&lt; 0x100); abstract reference as 0x100 + heap byte,
    /// plus 0x1000 when non-nullable; concrete reference as 0x10000 + index, plus 0x10000 when non-nullable.
    /// </summary>
    public static int ReadValType(ref WasmByteReader r)
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

    private void ReadImports(ref WasmByteReader r)
    {
        for (var n = r.U32(); n > 0; n--)
        {
            var module = r.Name();
            var name = r.Name();
            var kind = r.Byte();
            int index;
            switch (kind)
            {
                case 0:
                    index = Funcs.Count;
                    Funcs.Add((int)r.U32());
                    break;
                case 1:
                    index = Tables.Count;
                    Tables.Add(ReadValType(ref r));
                    r.SkipLimits();
                    break;
                case 2:
                    index = 0;
                    r.SkipLimits();
                    break;
                case 3:
                    index = Globals.Count;
                    var type = ReadValType(ref r);
                    Globals.Add((type, r.Byte() == 1));
                    break;
                case 4:
                    index = Tags.Count;
                    r.Byte();
                    Tags.Add((int)r.U32());
                    break;
                default:
                    throw new FormatException("unknown import kind");
            }

            Imports.Add(new Import(module, name, kind, index));
        }
    }

    private void ReadTypes(ref WasmByteReader r)
    {
        for (var n = r.U32(); n > 0; n--)
        {
            if (r.Peek() == 0x4E)
            {
                r.Byte();
                for (var m = r.U32(); m > 0; m--)
                {
                    Types.Add(ReadSubType(ref r));
                }
            }
            else
            {
                Types.Add(ReadSubType(ref r));
            }
        }
    }

    private static FuncType? ReadSubType(ref WasmByteReader r)
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
                var parameters = new int[r.U32()];
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i] = ReadValType(ref r);
                }

                var results = new int[r.U32()];
                for (var i = 0; i < results.Length; i++)
                {
                    results[i] = ReadValType(ref r);
                }

                return new FuncType(parameters, results);
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
