using WasmBench.Abstractions.Results;
using WasmBench.Runners.Spec;

namespace WasmBench.Runners.Tests.Conformance;

public sealed class KnownFailuresTests
{
    private static readonly SpecFailure AtTen = new(10, "assert_return (invoke \"f\")", "i32:1", "i32:2", "result mismatch");
    private static readonly SpecFailure AtTwenty = new(20, "assert_trap (invoke \"g\")", "Trap", "Ok", null);

    [Fact]
    public void Classifies_expected_failures_unexpected_failures_and_unexpected_passes()
    {
        var list = KnownFailures.Parse("# comment\nwasm-2.0\tx.wast\t10\tknown\nwasm-2.0\tx.wast\t30\tfixed since\nwasm-3.0\tx.wast\t20\tother suite\n", "t.tsv").Value!;
        var result = new SpecScriptResult("x.wast", 5, 2, 0, 0, [AtTen, AtTwenty]);

        var check = list.Classify("wasm-2.0", result);

        Assert.Equal([AtTen], check.ExpectedFailures);
        Assert.Equal([AtTwenty], check.UnexpectedFailures);
        Assert.Equal(30, Assert.Single(check.UnexpectedPasses).Line);
        Assert.False(check.IsClean);
    }

    [Fact]
    public void A_clean_result_and_a_malformed_list()
    {
        var list = KnownFailures.Parse("wasm-2.0\tx.wast\t10\tknown\n", "t.tsv").Value!;
        Assert.True(list.Classify("wasm-2.0", new SpecScriptResult("x.wast", 5, 1, 0, 0, [AtTen])).IsClean);
        Assert.StartsWith("t.tsv:1:", KnownFailures.Parse("wasm-2.0 x.wast 10\n", "t.tsv").Error);
    }

    [Fact]
    public void The_wasmtime_list_is_reviewed_every_entry_has_a_reason()
    {
        var loaded = KnownFailures.Load("wasmtime");

        Assert.True(loaded.Succeeded, loaded.Error);
        Assert.All(loaded.Value.Entries, e => Assert.True(e.Reason.Length > 40, $"{e.File}:{e.Line} needs a reason that holds up"));
        Assert.Empty(KnownFailures.Load("no-such-engine").Value!.Entries);
    }

    [Theory]
    [InlineData("wasmtime:opt=none", "wasmtime.opt=none")]
    [InlineData("wasmtime:winch", "wasmtime.winch")]
    [InlineData("wasmtime:pulley", "wasmtime.pulley")]
    [InlineData("wasmtime:opt=speed-and-size", "wasmtime.opt=speed-and-size")]
    public void Each_tier_has_its_own_reviewed_list_found_by_its_id(string id, string stem)
    {
        var loaded = KnownFailures.Load(id);

        Assert.Equal(stem, KnownFailures.FileStem(id));
        Assert.True(loaded.Succeeded, loaded.Error);
        Assert.NotEmpty(loaded.Value.Entries);
        Assert.All(loaded.Value.Entries, e => Assert.True(e.Reason.Length > 40, $"{id} {e.File}:{e.Line} needs a reason that holds up"));
    }
}
