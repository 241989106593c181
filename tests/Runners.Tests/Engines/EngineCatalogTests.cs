using WasmBench.Abstractions;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Native;
using WasmBench.Runners.Engines.Wasmtime;

namespace WasmBench.Runners.Tests.Engines;

/// <summary>The catalog finds listed engines and makes a family's variants from their flags, once.</summary>
public sealed class EngineCatalogTests
{
    private static EngineCatalog Catalog() => new(
        [new WasmtimeEngine(), new NativeEngine()],
        [new EngineFamily("wasmtime", flags => WasmtimeOptions.Parse(flags).Map<IEngine>(_ => new WasmtimeEngine(flags)))]);

    [Fact]
    public void A_variant_of_a_family_is_made_from_its_flags_and_kept()
    {
        var catalog = Catalog();

        var variant = catalog.Find("wasmtime:opt=none");

        Assert.Equal("wasmtime:opt=none", variant?.Info.Id);
        Assert.Same(variant, catalog.Find("wasmtime:opt=none"));
        Assert.Equal("wasmtime:opt=none", catalog.Find("WASMTIME:OPT=None")?.Info.Id);
        Assert.Equal(["wasmtime", "native"], catalog.All.Select(e => e.Info.Id));
    }

    [Fact]
    public void A_listed_engine_is_found_by_its_id_and_a_variant_that_is_listed_is_the_listed_one()
    {
        var listed = new WasmtimeEngine("opt=none");
        var catalog = new EngineCatalog([new WasmtimeEngine(), listed], Catalog().Families);

        Assert.Same(listed, catalog.Find("wasmtime:opt=none"));
        Assert.Same(listed, catalog.Find("wasmtime:OPT=NONE"));
    }

    [Fact]
    public void Flags_the_family_does_not_take_and_an_unknown_family_say_why()
    {
        var catalog = Catalog();

        Assert.Contains("unknown wasmtime flag 'tier=fast'", catalog.Resolve("wasmtime:tier=fast").Error);
        Assert.Equal("unknown engine 'v8:jitless'", catalog.Resolve("v8:jitless").Error);
        Assert.Null(catalog.Find("nosuch"));
    }

    [Fact]
    public void A_family_s_variants_are_offered_when_its_default_engine_is_available()
    {
        Assert.Equal(["wasmtime"], Catalog().VariantFamilies<IBenchmarkEngine>());
        Assert.Empty(new EngineCatalog([new NativeEngine()], Catalog().Families).VariantFamilies<IBenchmarkEngine>());
    }
}
