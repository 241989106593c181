using WasmBench.Runners.Conformance;
using WasmBench.Runners.Spec;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Conformance;

public sealed class SpecSuiteTests
{
    private static string RepositoryRoot => TestsuiteLocator.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("the tests run outside the repository");

    [Theory]
    [InlineData("wasm-2.0", "784fb01ea81f992f530a025e74b0d185d41669e5", ConformanceProfile.Wasm2)]
    [InlineData("wasm-3.0", "193e551ff22663995b1ac95dc62344133669e14b", ConformanceProfile.Wasm3)]
    public void Built_in_suites_pin_their_commits_and_match_the_files_in_suites_spec(string name, string commit, ConformanceProfile profile)
    {
        var builtIn = SpecSuite.Load(name);
        var fromFile = SpecSuite.Load(Path.Combine(RepositoryRoot, "suites", "spec", name + ".suite"));

        Assert.True(builtIn.Succeeded, builtIn.Error);
        Assert.Equal(commit, builtIn.Value.Commit);
        Assert.Equal(profile, builtIn.Value.Profile);
        Assert.Equal(builtIn.Value.Include, fromFile.Value!.Include);
        Assert.Equal(builtIn.Value.WabtScripts, fromFile.Value.WabtScripts);
        Assert.Equal(builtIn.Value with { Include = [], WabtScripts = [] }, fromFile.Value with { Include = [], WabtScripts = [] });
    }

    [Fact]
    public void An_unknown_suite_or_a_bad_file_is_an_error()
    {
        Assert.Contains("unknown spec suite 'wasm-9.0'", SpecSuite.Load("wasm-9.0").Error);
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.suite");
        File.WriteAllText(path, "name: x\nrepository: r\ncommit: c\nprofile: wasm4\ninclude: *.wast\n");
        try
        {
            Assert.Contains("profile is wasm2 or wasm3", SpecSuite.Load(path).Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Resolves_scripts_from_a_folder_holding_the_suites_or_the_scripts_and_filters_them()
    {
        var location = TestsuiteLocator.Locate();
        Assert.True(location.Succeeded, location.Error);
        var wasm2 = SpecSuite.Load("wasm-2.0").Value!;
        var wasm3 = SpecSuite.Load("wasm-3.0").Value!;

        Assert.Equal(146, wasm2.ResolveScripts(location.Value.Path).Count);
        Assert.Equal(146, wasm2.ResolveScripts(Path.Combine(location.Value.Path, "wasm-2.0")).Count);
        var all3 = wasm3.ResolveScripts(location.Value.Path);
        Assert.Equal(264, all3.Count);
        Assert.Equal(4, all3.Count(s => s.RelativePath.StartsWith("legacy/", StringComparison.Ordinal)));
        Assert.DoesNotContain(all3, s => s.RelativePath.StartsWith("proposals/", StringComparison.Ordinal));
        Assert.Equal(["custom/branch_hint.wast", "custom/custom_annot.wast", "custom/name_annot.wast"], wasm3.ResolveScripts(location.Value.Path, "custom/*").Select(s => s.RelativePath));
        Assert.Equal(["simd_load.wast", "simd_load16_lane.wast"], wasm2.ResolveScripts(location.Value.Path, "simd_load*.wast").Take(2).Select(s => s.RelativePath));
        Assert.Empty(wasm2.ResolveScripts(location.Value.Path, "nothing-*.wast"));
    }

    [Fact]
    public void The_legacy_exception_scripts_convert_their_text_with_wabt_and_the_others_with_wasmtime()
    {
        var location = TestsuiteLocator.Locate();
        Assert.True(location.Succeeded, location.Error);
        var wasm3 = SpecSuite.Load("wasm-3.0").Value!;
        var scripts = wasm3.ResolveScripts(location.Value.Path);

        Assert.All(scripts, s => Assert.Equal(
            s.RelativePath.StartsWith("legacy/", StringComparison.Ordinal) ? TextConverter.Wabt : TextConverter.Wasmtime,
            wasm3.ConverterFor(s)));
        var wasm2 = SpecSuite.Load("wasm-2.0").Value!;
        Assert.All(wasm2.ResolveScripts(location.Value.Path), s => Assert.Equal(TextConverter.Wasmtime, wasm2.ConverterFor(s)));
    }

    [Fact]
    public void The_locator_prefers_an_explicit_path_and_says_when_it_is_missing()
    {
        var explicitPath = TestsuiteLocator.Locate(Path.GetTempPath());
        var missing = TestsuiteLocator.Locate("/nonexistent/testsuite");

        Assert.Equal("--testsuite", explicitPath.Value!.Source);
        Assert.True(explicitPath.Succeeded);
        Assert.False(missing.Succeeded);
        Assert.Contains("/nonexistent/testsuite", missing.Error);
    }

    [Theory]
    [InlineData("*.wast", "a.wast", true)]
    [InlineData("*.wast", "custom/a.wast", false)]
    [InlineData("**.wast", "custom/a.wast", true)]
    [InlineData("simd_?8x16*", "simd_i8x16_arith.wast", true)]
    [InlineData("custom/*", "custom/x.wast", true)]
    public void Globs_match_relative_paths(string pattern, string path, bool matches) => Assert.Equal(matches, Glob.Matches(pattern, path));
}
