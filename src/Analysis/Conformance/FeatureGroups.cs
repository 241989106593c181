namespace WasmBench.Analysis.Conformance;

/// <summary>
/// The feature group of a spec-testsuite script, from its name (<c>i32.wast</c> is integer,
/// <c>simd_f32x4.wast</c> SIMD, <c>return_call_ref.wast</c> tail calls): the rows of the
/// conformance matrix. The 3.0 proposals are matched first, so <c>memory64.wast</c> is memory64
/// and not memory; a script that fits no group is <see cref="Other"/>.
/// </summary>
public static class FeatureGroups
{
    public const string Other = "other";

    /// <summary>Every group in the order the matrix shows them (the 2.0 groups, then the 3.0 proposals, then other).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "integer", "float", "memory", "table", "control", "bulk memory", "reference types", "SIMD",
        "GC", "exceptions", "tail calls", "memory64", "multi-memory", "function references", "relaxed SIMD", "extended const", Other,
    ];

    // First match wins: proposals before the groups whose words they contain.
    private static readonly (string Group, string[] Words)[] Rules =
    [
        ("relaxed SIMD", ["relaxed_"]),
        ("SIMD", ["simd"]),
        ("memory64", ["memory64", "address64", "align64", "load64", "memory_grow64", "memory_redundancy64", "memory_trap64", "float_memory64", "table64", "bulk64", "call_indirect64"]),
        ("multi-memory", ["multi-memory", "memory_multi", "multi_memory"]),
        ("extended const", ["extended-const", "extended_const"]),
        ("GC", ["array", "struct", "i31", "ref_cast", "ref_test", "br_on_cast", "extern", "type-subtyping", "type-rec", "type-equivalence", "type-canon", "gc/"]),
        ("exceptions", ["exception", "throw", "try_table", "tag", "legacy/", "rethrow", "try_catch", "try_delegate"]),
        ("tail calls", ["return_call"]),
        ("function references", ["call_ref", "br_on_null", "br_on_non_null", "ref_as_non_null", "function-references", "local_init", "func_refs", "type_funcref"]),
        ("bulk memory", ["bulk", "memory_copy", "memory_fill", "memory_init", "table_copy", "table_init", "data_drop", "elem_drop"]),
        ("reference types", ["ref_func", "ref_is_null", "ref_null", "table_get", "table_set", "table_size", "table_grow", "table_fill", "ref.wast", "select_typed", "linking_ref"]),
        ("control", ["br_table"]),
        ("table", ["table", "elem", "call_indirect"]),
        ("memory", ["memory", "load", "store", "address", "align", "data", "endianness"]),
        ("float", ["f32", "f64", "float", "conversions", "const"]),
        ("integer", ["i32", "i64", "int_", "int.wast", "traps", "left-to-right"]),
        ("control", ["block", "loop", "br", "if", "call", "return", "unreachable", "nop", "switch", "labels", "stack", "fac", "select", "local", "global", "func", "unwind", "forward", "start", "exports", "imports", "linking", "names", "binary", "custom", "skip-stack", "token", "comments", "utf8", "unreached", "obsolete", "type"]),
    ];

    /// <summary>The group of a script (a file name or a path relative to the testsuite, any case).</summary>
    public static string Of(string script)
    {
        var name = script.Replace('\\', '/').ToLowerInvariant();
        foreach (var (group, words) in Rules)
        {
            if (words.Any(name.Contains))
            {
                return group;
            }
        }

        return Other;
    }
}
