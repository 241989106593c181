using WasmBench.Runners.Spec;
using WasmBench.Runners.Workloads;
using WasmBench.Silo.Api;

namespace WasmBench.Silo.Tests.Api;

public sealed class SuiteRootsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void By_default_the_roots_are_the_suites_folder_and_the_testsuite()
    {
        var suites = SuitesRoot.Locate()!;

        var roots = SuiteRoots.From(null, new SuiteLoader(suites));

        var expected = new List<string> { suites };
        if (TestsuiteLocator.Locate() is { Succeeded: true } testsuite)
        {
            expected.Add(Path.TrimEndingDirectorySeparator(testsuite.Value.Path));
        }

        Assert.Equal(expected, roots.Folders);
        Assert.True(roots.Contains(Path.Combine(suites, "quick.suite")));
        Assert.False(roots.Contains("/etc/passwd"));
    }

    [Fact]
    public void Configured_roots_replace_the_defaults()
    {
        var roots = SuiteRoots.From([_dir.Path], new SuiteLoader(SuitesRoot.Locate()));

        Assert.Equal([_dir.Path], roots.Folders);
        Assert.False(roots.Contains(Path.Combine(SuitesRoot.Locate()!, "quick.suite")));
    }

    [Fact]
    public void Dot_dot_and_links_that_leave_a_root_are_outside_it()
    {
        var root = Directory.CreateDirectory(_dir.File("root")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "inner"));
        File.CreateSymbolicLink(Path.Combine(root, "etc"), "/etc");
        File.CreateSymbolicLink(Path.Combine(root, "inner", "up"), "../..");
        File.CreateSymbolicLink(Path.Combine(root, "here"), "inner");
        var roots = new SuiteRoots([root]);

        Assert.False(roots.Contains(Path.Combine(root, "..", "x")));
        Assert.False(roots.Contains(Path.Combine(root, "etc", "passwd")));
        Assert.False(roots.Contains(Path.Combine(root, "inner", "up", "x")));
        Assert.False(roots.Contains(root + "-sibling"));
        Assert.True(roots.Contains(Path.Combine(root, "here", "a.suite")));
        Assert.True(roots.Contains(Path.Combine(root, "inner", "..", "a.suite")));
    }

    public void Dispose() => _dir.Dispose();
}
