namespace WasmBench.Interpreter.Model;

/// <summary>A decoded (and, once compiled, validated) module. Immutable after compilation.</summary>
public sealed class WasmModule
{
    internal WasmModule(byte[] bytes) => Bytes = bytes;

    internal byte[] Bytes { get; }

    /// <summary>The version the module was decoded and validated against.</summary>
    public WasmFeatures Features { get; internal init; }

    internal bool Wasm3 => Features == WasmFeatures.Wasm3;

    public List<FuncType> Types { get; } = [];

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

    public IEnumerable<string> CustomSectionNames => CustomSections.Select(c => c.Name);
}
