using WasmBench.Abstractions.Engines;

namespace WasmBench.Abstractions.Tests.Engines;

public sealed class EngineIdentityTests
{
    [Fact]
    public void The_id_is_the_family_with_its_variant_and_every_layer_prints_the_whole_identity_alike()
    {
        var variant = new EngineIdentity("wasmtime", "opt=none", "50.0.1");
        var interp = new EngineIdentity("interp", "", "0.1.0+10da70e5c1d2", "3f2a9c01d4e5");

        Assert.Equal("wasmtime:opt=none", variant.Id);
        Assert.Equal("wasmtime:opt=none 50.0.1", variant.ToString());
        Assert.Equal("interp", interp.Id);
        Assert.Equal("interp 0.1.0+10da70e5c1d2 (build 3f2a9c01d4e5)", interp.ToString());
    }

    [Fact]
    public void Two_builds_of_one_version_are_two_engines()
    {
        var a = new EngineIdentity("interp", "", "0.1.0", "aaaaaaaaaaaa");

        Assert.NotEqual(a, a with { Build = "bbbbbbbbbbbb" });
        Assert.Equal(a, new EngineIdentity("interp", "", "0.1.0", "aaaaaaaaaaaa"));
    }

    [Fact]
    public void An_adapter_describes_itself_in_one_line_and_the_identity_follows()
    {
        var info = new EngineInfo("node", "22.1.0 (V8 12.4)", EngineKind.Jit, ["simd"], "liftoff", "0123456789ab");

        Assert.Equal(new EngineIdentity("node", "liftoff", "22.1.0 (V8 12.4)", "0123456789ab"), info.Identity);
        Assert.Equal("node:liftoff", info.Id);
    }

    [Fact]
    public void An_unknown_id_keeps_its_family_and_variant()
    {
        Assert.Equal(new EngineIdentity("wasmtime", "opt=none", "unknown"), EngineIdentity.Unknown("wasmtime:opt=none"));
        Assert.Equal(new EngineIdentity("nosuch", "", "unknown"), EngineIdentity.Unknown("nosuch"));
    }

    [Fact]
    public void A_build_fingerprint_follows_the_bytes_of_an_assembly()
    {
        var abstractions = EngineBuild.OfAssembly(typeof(EngineIdentity).Assembly);
        var xunit = EngineBuild.OfAssembly(typeof(FactAttribute).Assembly);

        Assert.Matches("^[0-9a-f]{12}$", abstractions);
        Assert.Equal(abstractions, EngineBuild.OfAssembly(typeof(EngineIdentity).Assembly));
        Assert.NotEqual(abstractions, xunit);
        Assert.NotEqual(EngineBuild.Of("/usr/bin/gcc", "12.2.0", "-O2"), EngineBuild.Of("/usr/bin/clang", "12.2.0", "-O2"));
    }

    [Fact]
    public void An_in_process_engine_s_version_names_the_source_revision_it_was_built_from()
    {
        var version = EngineBuild.VersionOf(typeof(EngineIdentity).Assembly, "0.1.0");

        Assert.Matches(@"^0\.1\.0(\+[0-9a-f]{1,12})?$", version);
    }
}
