using WasmBench.Analysis.Conformance;

namespace WasmBench.Analysis.Tests.Conformance;

/// <summary>Spec scripts fall in the feature groups of the conformance matrix by name, the 3.0 proposals first.</summary>
public sealed class FeatureGroupsTests
{
    [Theory]
    [InlineData("i32.wast", "integer")]
    [InlineData("int_exprs.wast", "integer")]
    [InlineData("f64_cmp.wast", "float")]
    [InlineData("conversions.wast", "float")]
    [InlineData("memory_grow.wast", "memory")]
    [InlineData("address.wast", "memory")]
    [InlineData("table.wast", "table")]
    [InlineData("call_indirect.wast", "table")]
    [InlineData("br_table.wast", "control")]
    [InlineData("loop.wast", "control")]
    [InlineData("memory_copy.wast", "bulk memory")]
    [InlineData("table_init.wast", "bulk memory")]
    [InlineData("ref_is_null.wast", "reference types")]
    [InlineData("table_grow.wast", "reference types")]
    [InlineData("simd_i8x16_arith.wast", "SIMD")]
    [InlineData("relaxed_madd_nmadd.wast", "relaxed SIMD")]
    [InlineData("struct.wast", "GC")]
    [InlineData("br_on_cast_fail.wast", "GC")]
    [InlineData("try_table.wast", "exceptions")]
    [InlineData("legacy/rethrow.wast", "exceptions")]
    [InlineData("return_call_indirect.wast", "tail calls")]
    [InlineData("memory64.wast", "memory64")]
    [InlineData("call_ref.wast", "function references")]
    [InlineData("multi-memory/load0.wast", "multi-memory")]
    public void A_script_falls_in_its_feature_group(string script, string group) => Assert.Equal(group, FeatureGroups.Of(script));

    [Fact]
    public void Every_group_a_script_can_fall_in_is_a_row_of_the_matrix()
    {
        string[] scripts = ["i32.wast", "f32.wast", "memory.wast", "table.wast", "block.wast", "bulk.wast", "ref_func.wast", "simd_load.wast", "array.wast", "throw.wast", "return_call.wast", "memory64.wast", "call_ref.wast", "relaxed_laneselect.wast", "zzz.wast"];

        Assert.All(scripts.Select(FeatureGroups.Of), g => Assert.Contains(g, FeatureGroups.All));
        Assert.Equal(FeatureGroups.Other, FeatureGroups.Of("zzz.wast"));
    }
}
