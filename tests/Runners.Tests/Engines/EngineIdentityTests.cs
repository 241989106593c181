using WasmBench.Abstractions.Engines;
using WasmBench.Interpreter;
using WasmBench.Runners.Engines.Interp;
using WasmBench.Runners.Engines.Native;

namespace WasmBench.Runners.Tests.Engines;

/// <summary>What identifies an engine build: the interpreter's changes with its assembly, native's with its compiler.</summary>
public sealed class EngineIdentityTests
{
    [Fact]
    public void The_interpreter_s_build_is_the_fingerprint_of_its_assembly_and_its_version_names_the_revision()
    {
        var identity = new InterpEngine().Info.Identity;

        Assert.Equal(EngineBuild.OfAssembly(typeof(WasmEngine).Assembly), identity.Build);
        Assert.Matches("^[0-9a-f]{12}$", identity.Build);
        Assert.StartsWith(InterpreterInfo.Version, identity.Version);
        Assert.Equal(EngineBuild.VersionOf(typeof(WasmEngine).Assembly, InterpreterInfo.Version), identity.Version);
    }

    [Fact]
    public void Native_s_build_is_its_compiler_and_flags()
    {
        var cc = new NativeEngine(new NativeEngineOptions(CompilerNames: ["cc"]));
        var gcc = new NativeEngine(new NativeEngineOptions(CompilerNames: ["gcc"]));
        Assert.True(cc.Availability.IsAvailable && gcc.Availability.IsAvailable, "needs cc and gcc on PATH");

        Assert.Equal(EngineBuild.Of([cc.Compiler!.Path, cc.Compiler.Version, .. NativeEngineOptions.CompilerFlags, .. NativeEngineOptions.LinkFlags]), cc.Info.Identity.Build);
        Assert.NotEqual(cc.Info.Identity.Build, gcc.Info.Identity.Build);
        Assert.Equal("unavailable", new NativeEngine(new NativeEngineOptions(SearchPath: "")).Info.Identity.Version);
    }
}
