namespace WasmBench.Interpreter.Model;

/// <summary>A decoded (and, once compiled, validated) module. Immutable after compilation.</summary>
public sealed class WasmModule
{
    internal WasmModule(byte[] bytes) => Bytes = bytes;

    internal byte[] Bytes { get; }

    /// <summary>The version the module was decoded and validated against.</summary>
    public WasmFeatures Features { get; internal init; }

    internal bool Wasm3 => Features == WasmFeatures.Wasm3;

    /// <summary>
    /// Whether the module uses 128-bit SIMD: a <c>v128</c> type anywhere or an instruction of the
    /// <c>0xFD</c> prefix in any code (set by the decoder, so it is known before compilation).
    /// </summary>
    public bool UsesSimd { get; internal set; }

    /// <summary>The signature of each type index (an empty placeholder for structure and array types: see <see cref="Defs"/>).</summary>
    public List<FuncType> Types { get; } = [];

    /// <summary>Every type index's definition (kind, fields, supertype, recursion group, canonical type).</summary>
    internal List<SubType> Defs { get; } = [];

    public List<Import> Imports { get; } = [];

    public List<Export> Exports { get; } = [];

    /// <summary>Type index of each function, imported ones first.</summary>
    internal List<uint> FuncTypeIndices { get; } = [];

    internal List<TableType> Tables { get; } = [];

    /// <summary>3.0 table initializers by table index (imported tables and tables without one: none).</summary>
    internal Dictionary<int, ConstExpr> TableInits { get; } = [];

    internal List<MemoryType> Memories { get; } = [];

    internal List<GlobalType> GlobalTypes { get; } = [];

    internal List<GlobalDef> Globals { get; } = [];

    internal List<ElementSegment> Elements { get; } = [];

    internal List<DataSegment> Data { get; } = [];

    internal List<FunctionBody> Bodies { get; } = [];

    internal List<(string Name, int Start, int Length)> CustomSections { get; } = [];

    internal uint? Start { get; set; }

    internal uint? DataCount { get; set; }

    /// <summary>Some function uses memory.init or data.drop (needs the data count section).</summary>
    internal bool UsesDataIndex { get; set; }

    /// <summary>C.refs: functions that ref.func may name.</summary>
    internal HashSet<uint> DeclaredRefs { get; set; } = [];

    internal int ImportedFuncs { get; set; }

    internal int ImportedTables { get; set; }

    internal int ImportedMemories { get; set; }

    internal int ImportedGlobals { get; set; }

    /// <summary>Type index of each tag (exception handling), imported ones first.</summary>
    internal List<uint> TagTypeIndices { get; } = [];

    internal int ImportedTags { get; set; }

    /// <summary>Lazily translated code per defined function (index without imports).</summary>
    internal Runtime.CompiledFunction?[] Compiled { get; set; } = [];

    internal FuncType FuncType(uint funcIndex) => Types[(int)FuncTypeIndices[(int)funcIndex]];

    /// <summary>Type <paramref name="typeIndex"/> as a function type; "unknown type" when it is none.</summary>
    internal FuncType FuncTypeAt(long typeIndex) =>
        typeIndex >= 0 && typeIndex < Types.Count && Defs[(int)typeIndex].Kind == CompositeKind.Func
            ? Types[(int)typeIndex]
            : throw Fail.Invalid(typeIndex >= 0 && typeIndex < Types.Count ? "type mismatch: not a function type" : "unknown type");

    /// <summary>The canonical type of type index <paramref name="typeIndex"/> (validated modules only).</summary>
    internal CanonicalType Canon(int typeIndex) => Defs[typeIndex].Canon!;

    public IEnumerable<string> CustomSectionNames => CustomSections.Select(c => c.Name);
}
