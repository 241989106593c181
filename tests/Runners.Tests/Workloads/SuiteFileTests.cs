using WasmBench.Abstractions;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests.Workloads;

public sealed class SuiteFileTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private Result<IReadOnlyList<Workload>> LoadSuite(string content)
    {
        var path = _root.Write("suites/test.suite", content);
        return new SuiteLoader(null).Load(path);
    }

    [Fact]
    public void Lines_name_folders_and_modules_with_optional_sizes_comments_and_blanks()
    {
        _root.Module("suites/bench/fib/benchmark.wasm");
        _root.Write("suites/bench/fib/benchmark.c", "int main(void) { return 0; }");
        _root.Write("suites/bench/fib/small.stdout.expected", "fib small\n");
        _root.Write("suites/bench/fib/default.stdout.expected", "fib default\n");
        _root.Module("suites/bench/solo/only.wasm");
        _root.Write("suites/bench/solo/only.stdout.expected", "only\n");
        _root.Write("suites/bench/solo/only.stderr.expected", "warn\n");
        _root.Module("suites/bench/multi/a.wasm");
        _root.Module("suites/bench/multi/b.wasm");
        _root.Write("suites/bench/multi/b.c", "int main(void) { return 0; }");

        var result = LoadSuite("""
            # quick checks
            bench/fib small   # the small size

            bench/fib
            bench/solo
            bench/multi/b.wasm
            """);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["fib@small", "fib", "solo", "b"], result.Value!.Select(w => w.Name));
        var (fibSmall, fib, solo, b) = (result.Value![0], result.Value![1], result.Value![2], result.Value![3]);
        Assert.Equal(["small"], fibSmall.Args);
        Assert.Equal("fib small\n", fibSmall.ExpectedStdout);
        Assert.Empty(fib.Args);
        Assert.Equal("fib default\n", fib.ExpectedStdout);
        Assert.Equal(Path.Combine(_root.Path, "suites/bench/fib"), fib.Directory);
        Assert.Equal(Path.Combine(_root.Path, "suites/bench/fib/benchmark.wasm"), fib.ModulePath);
        Assert.Equal(Path.Combine(_root.Path, "suites/bench/fib/benchmark.c"), fib.CSourcePath);
        Assert.Equal("benchmark", fib.Stem);
        Assert.Equal("only", solo.Stem);
        Assert.Equal("only\n", solo.ExpectedStdout);
        Assert.Equal("warn\n", solo.ExpectedStderr);
        Assert.Null(solo.CSourcePath);
        Assert.Equal(Path.Combine(_root.Path, "suites/bench/multi/b.c"), b.CSourcePath);
        Assert.Null(b.ExpectedStdout);
    }

    [Fact]
    public void A_size_without_its_expected_file_has_no_expectation()
    {
        _root.Module("suites/w/benchmark.wasm");
        _root.Write("suites/w/default.stdout.expected", "x\n");

        var result = LoadSuite("w large\n");

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(Assert.Single(result.Value!).ExpectedStdout);
    }

    [Fact]
    public void A_line_that_names_nothing_is_an_error_with_file_and_line()
    {
        _root.Module("suites/w/benchmark.wasm");

        var result = LoadSuite("w\n\nbench/missing small\n");

        Assert.False(result.Succeeded);
        Assert.Contains("test.suite:3: 'bench/missing' names nothing", result.Error);
        Assert.Null(result.Value);
    }

    [Fact]
    public void A_folder_without_a_module_is_an_error()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "suites/empty"));

        var result = LoadSuite("empty\n");

        Assert.False(result.Succeeded);
        Assert.Contains("test.suite:1: folder", result.Error);
        Assert.Contains("holds no .wasm module", result.Error);
    }

    [Fact]
    public void A_folder_with_several_modules_and_no_benchmark_wasm_is_ambiguous()
    {
        _root.Module("suites/multi/a.wasm");
        _root.Module("suites/multi/b.wasm");

        var result = LoadSuite("multi\n");

        Assert.False(result.Succeeded);
        Assert.Contains("several .wasm modules (a.wasm, b.wasm)", result.Error);
    }

    [Fact]
    public void A_file_that_is_not_a_module_is_an_error()
    {
        _root.Write("suites/notes.txt", "hi");

        var result = LoadSuite("notes.txt\n");

        Assert.False(result.Succeeded);
        Assert.Contains("'notes.txt' is neither a folder nor a .wasm module", result.Error);
    }

    [Fact]
    public void Extra_fields_on_a_line_are_an_error()
    {
        _root.Module("suites/w/benchmark.wasm");

        var result = LoadSuite("w small extra\n");

        Assert.False(result.Succeeded);
        Assert.Contains("test.suite:1: expected '<path> [size]'", result.Error);
    }

    [Fact]
    public void Two_lines_with_the_same_name_are_an_error()
    {
        _root.Module("suites/a/fib/benchmark.wasm");
        _root.Module("suites/b/fib/benchmark.wasm");

        var result = LoadSuite("a/fib\nb/fib\n");

        Assert.False(result.Succeeded);
        Assert.Contains("test.suite:2: workload name 'fib' is already used on line 1", result.Error);
    }
}
