using WasmBench.Abstractions;
using WasmBench.Runners.Workloads;

namespace WasmBench.Runners.Tests;

/// <summary>The tiny workloads under <c>TestWorkloads/</c>, copied next to the test assembly.</summary>
internal static class TestWorkloads
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestWorkloads");

    /// <summary>Loads one workload from a path under <see cref="Root"/> (a folder or a .wasm).</summary>
    public static Workload Load(string relativePath)
    {
        var result = new SuiteLoader(null).Load(Path.Combine(Root, relativePath));
        Assert.True(result.Succeeded, result.Error);
        return Assert.Single(result.Value!);
    }

    /// <summary>The spin workload with a size argument, as a suite line <c>spin small</c> would give.</summary>
    public static Workload Spin(string? size = null)
    {
        var workload = Load("spin");
        return size is null
            ? workload
            : workload with
            {
                Name = $"spin@{size}",
                Args = [size],
                ExpectedStdout = File.ReadAllText(Path.Combine(workload.Directory, $"{size}.stdout.expected")),
            };
    }
}
