using WasmBench.Interpreter.Model;

namespace WasmBench.Interpreter.Tests;

/// <summary>Builds small binary modules for tests: types, imports, functions, memory, exports.</summary>
internal sealed class ModuleBuilder
{
    private readonly List<byte[]> _types = [];
    private readonly List<byte[]> _imports = [];
    private readonly List<uint> _funcTypes = [];
    private readonly List<byte[]> _bodies = [];
    private readonly List<byte[]> _exports = [];
    private readonly List<byte[]> _memories = [];
    private byte[]? _table;
    private readonly List<byte[]> _globals = [];
    private readonly List<byte[]> _tags = [];
    private int _importedFuncs;
    private int _importedTags;

    public uint Type(ValType[] ps, ValType[] rs)
    {
        _types.Add([0x60, .. U32((uint)ps.Length), .. ps.SelectMany(Encode), .. U32((uint)rs.Length), .. rs.SelectMany(Encode)]);
        return (uint)_types.Count - 1;
    }

    /// <summary>A type section entry in its binary form (3.0: a structure or array type, a <c>sub</c> or <c>rec</c> entry).</summary>
    public uint RawType(params byte[] entry)
    {
        _types.Add(entry);
        return (uint)_types.Count - 1;
    }

    public uint ImportFunc(string module, string name, uint type)
    {
        _imports.Add([.. Name(module), .. Name(name), 0x00, .. U32(type)]);
        return (uint)_importedFuncs++;
    }

    public uint ImportTag(string module, string name, uint type)
    {
        _imports.Add([.. Name(module), .. Name(name), 0x04, 0x00, .. U32(type)]);
        return (uint)_importedTags++;
    }

    /// <summary>A tag (exception handling) of function type <paramref name="type"/>.</summary>
    public uint Tag(uint type)
    {
        _tags.Add([0x00, .. U32(type)]);
        return (uint)(_importedTags + _tags.Count - 1);
    }

    public uint Func(uint type, ValType[] locals, params byte[] body)
    {
        _funcTypes.Add(type);
        var localBytes = new List<byte>(U32((uint)locals.Length));
        foreach (var l in locals)
        {
            localBytes.AddRange([1, .. Encode(l)]);
        }

        byte[] code = [.. localBytes, .. body];
        _bodies.Add([.. U32((uint)code.Length), .. code]);
        return (uint)(_importedFuncs + _funcTypes.Count - 1);
    }

    public ModuleBuilder Memory(uint min, uint? max = null, bool is64 = false)
    {
        var flags = (byte)((max is null ? 0 : 1) | (is64 ? 4 : 0));
        _memories.Add(max is { } m ? [flags, .. U32(min), .. U32(m)] : [flags, .. U32(min)]);
        return this;
    }

    public ModuleBuilder Table(uint min, bool is64 = false)
    {
        _table = [0x70, (byte)(is64 ? 4 : 0), .. U32(min)];
        return this;
    }

    public ModuleBuilder Global(ValType type, bool mutable, params byte[] init)
    {
        _globals.Add([.. Encode(type), (byte)(mutable ? 1 : 0), .. init, 0x0B]);
        return this;
    }

    public ModuleBuilder Export(string name, ExternKind kind, uint index)
    {
        _exports.Add([.. Name(name), (byte)kind, .. U32(index)]);
        return this;
    }

    public byte[] Build()
    {
        var bytes = new List<byte> { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 };
        Section(bytes, 1, _types);
        Section(bytes, 2, _imports);
        Section(bytes, 3, [.. _funcTypes.Select(U32)]);
        Section(bytes, 4, _table is null ? [] : [_table]);
        Section(bytes, 5, _memories);
        Section(bytes, 13, _tags);
        Section(bytes, 6, _globals);
        Section(bytes, 7, _exports);
        Section(bytes, 10, _bodies);
        return [.. bytes];
    }

    private static void Section(List<byte> bytes, byte id, List<byte[]> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        byte[] content = [.. U32((uint)items.Count), .. items.SelectMany(i => i)];
        bytes.Add(id);
        bytes.AddRange(U32((uint)content.Length));
        bytes.AddRange(content);
    }

    /// <summary>A value type in the binary format: one byte, 0x64 and the heap type for a non-null abstract reference, or 0x63/0x64 and a type index for a concrete reference.</summary>
    public static byte[] Encode(ValType t) => t.IsRef() && t.Heap() == ValTypes.Concrete
        ? [(byte)(t.Nullable() ? 0x63 : 0x64), .. U32((uint)t.TypeIndex())]
        : t.IsRef() && !t.Nullable() ? [0x64, t.Heap()] : [(byte)t];

    public static byte[] U32(uint v)
    {
        var r = new List<byte>();
        do
        {
            var b = (byte)(v & 0x7F);
            v >>= 7;
            r.Add(v != 0 ? (byte)(b | 0x80) : b);
        }
        while (v != 0);
        return [.. r];
    }

    public static byte[] S32(int v)
    {
        var r = new List<byte>();
        while (true)
        {
            var b = (byte)(v & 0x7F);
            v >>= 7;
            if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0))
            {
                r.Add(b);
                return [.. r];
            }

            r.Add((byte)(b | 0x80));
        }
    }

    private static byte[] Vec(IEnumerable<byte> items)
    {
        var a = items.ToArray();
        return [.. U32((uint)a.Length), .. a];
    }

    private static byte[] Name(string s)
    {
        var b = System.Text.Encoding.UTF8.GetBytes(s);
        return [.. U32((uint)b.Length), .. b];
    }
}
