using WasmBench.Abstractions.Runs;

namespace WasmBench.Abstractions.Tests.Runs;

public sealed class CapabilitiesTests
{
    [Theory]
    [InlineData("wasmtime", "wasmtime", true)]
    [InlineData("WASMTIME", "wasmtime", true)]
    [InlineData("wasmtime:*", "wasmtime:opt=none", true)]
    [InlineData("wasmtime:*", "wasmtime", false)]
    [InlineData("wasmtime", "wasmtime:opt=none", false)]
    [InlineData("spec/wasmtime:*", "spec/wasmtime:opt=none", true)]
    [InlineData("wasmtime:*", "spec/wasmtime:opt=none", false)]
    [InlineData("native", "interp", false)]
    public void An_offer_covers_its_ids_and_a_family_offer_every_variant_of_it(string offer, string capability, bool covered) =>
        Assert.Equal(covered, Capabilities.Covers([offer], capability));

    [Fact]
    public void A_spec_task_needs_the_spec_capability_of_its_engine() =>
        Assert.Equal(["spec/interp", "spec/wasmtime:*"], [Capabilities.For(RunKind.Spec, "interp"), Capabilities.ForEveryVariant(RunKind.Spec, "wasmtime")]);
}
