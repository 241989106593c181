using WasmBench.Abstractions;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests.Workloads;

public sealed class SuiteLoaderTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private string Suites => Path.Combine(_root.Path, "suites");

    [Fact]
    public void A_name_resolves_to_a_suite_file_under_the_suites_root()
    {
        _root.Module("suites/bench/fib/benchmark.wasm");
        _root.Write("suites/quick.suite", "bench/fib small\n");

        var result = new SuiteLoader(Suites).Load("quick");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("fib@small", Assert.Single(result.Value!).Name);
    }

    [Fact]
    public void An_unknown_name_lists_the_suites_that_exist()
    {
        _root.Write("suites/quick.suite", "");
        _root.Write("suites/full.suite", "");

        var result = new SuiteLoader(Suites).Load("nope");

        Assert.False(result.Succeeded);
        Assert.Equal("unknown suite 'nope'; available suites: full, quick", result.Error);
    }

    [Fact]
    public void An_unknown_name_without_a_suites_root_says_how_to_set_one()
    {
        var result = new SuiteLoader(null).Load("nope-not-here");

        Assert.False(result.Succeeded);
        Assert.Contains("no suites folder found (set WASMBENCH_SUITES", result.Error);
    }

    [Fact]
    public void An_unknown_name_under_a_missing_suites_root_says_the_folder_is_missing()
    {
        var result = new SuiteLoader(Path.Combine(_root.Path, "gone")).Load("quick");

        Assert.Equal($"unknown suite 'quick'; the suites folder {Path.Combine(_root.Path, "gone")} does not exist", result.Error);
    }

    [Fact]
    public void Available_suites_are_the_suite_files_sorted()
    {
        _root.Write("suites/quick.suite", "");
        _root.Write("suites/all.suite", "");
        _root.Write("suites/README.md", "");

        Assert.Equal(["all", "quick"], new SuiteLoader(Suites).AvailableSuites);
        Assert.Empty(new SuiteLoader(null).AvailableSuites);
    }

    [Fact]
    public void A_folder_path_gives_its_own_modules_then_its_workload_subfolders_sorted()
    {
        _root.Module("set/top.wasm");
        _root.Module("set/zeta/benchmark.wasm");
        _root.Module("set/alpha/alpha.wasm");
        _root.Module("set/multi/x.wasm");
        _root.Module("set/multi/y.wasm");
        Directory.CreateDirectory(Path.Combine(_root.Path, "set/nothing"));

        var result = new SuiteLoader(null).Load(Path.Combine(_root.Path, "set"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["top", "alpha", "multi/x", "multi/y", "zeta"], result.Value!.Select(w => w.Name));
        Assert.Equal("top", result.Value![0].Stem);
    }

    [Fact]
    public void A_missing_folder_is_an_error()
    {
        var missing = Path.Combine(_root.Path, "no/such/folder");

        var result = new SuiteLoader(null).Load(missing);

        Assert.False(result.Succeeded);
        Assert.Equal($"suite path {missing} does not exist", result.Error);
    }

    [Fact]
    public void A_folder_without_any_module_is_an_error()
    {
        _root.Write("empty/readme.txt", "");

        var result = new SuiteLoader(null).Load(Path.Combine(_root.Path, "empty"));

        Assert.False(result.Succeeded);
        Assert.Contains("holds no .wasm module, neither itself nor in a subfolder", result.Error);
    }

    [Fact]
    public void A_module_path_is_one_workload()
    {
        var module = _root.Module("w/prog.wasm");

        var result = new SuiteLoader(null).Load(module);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("prog", Assert.Single(result.Value!).Name);
    }

    [Fact]
    public void The_environment_variable_wins_over_walking_up()
    {
        Assert.Equal(Path.GetFullPath("/somewhere/suites"), SuitesRoot.Locate("/somewhere/suites", _root.Path));
    }

    [Fact]
    public void Walking_up_finds_the_first_suites_folder_holding_quick_suite()
    {
        _root.Write("suites/quick.suite", "");
        _root.Write("a/suites/other.suite", "");
        var deep = Directory.CreateDirectory(Path.Combine(_root.Path, "a/b/c")).FullName;

        Assert.Equal(Suites, SuitesRoot.Locate(null, deep));
        Assert.Equal(Suites, SuitesRoot.Locate("", "/", deep));
    }
}
