using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using WasmBench.Dashboard.Components.Pages;
using WasmBench.Dashboard.Data;
using static WasmBench.Dashboard.Tests.StoredRuns;

namespace WasmBench.Dashboard.Tests;

/// <summary>The pages rendered by bUnit over runs held in memory.</summary>
public sealed class PageTests : BunitContext
{
    private void Serve(params WasmBench.Abstractions.Results.RunReport[] reports)
    {
        Services.AddSingleton<IRunReader>(new StoredRuns(reports));
        Services.AddSingleton(new RunNotifications());
        Services.AddSingleton(new RunStatisticsCache());
        Services.AddSingleton(new ComparisonCache());
        Services.AddSingleton<INodeReader>(new Nodes());
        Services.AddSingleton<IKnownFailureReader>(new Known());
    }

    private void At(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    [Fact]
    public void The_run_page_charts_every_engine_and_lists_every_pair()
    {
        Serve(Benchmark(1, "main", ("fib", "native", 1e6), ("fib", "wasmtime", 2e6), ("sieve", "native", 3e6), ("sieve", "wasmtime", 9e6)));

        var page = Render<RunPage>(p => p.Add(x => x.Id, 1));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#run-chart svg")));
        Assert.Equal(4, page.FindAll("#results tbody tr").Count);
        Assert.Equal(2, page.FindAll("#summary tbody tr").Count);
        Assert.Contains("times native", page.Find("#summary").TextContent);
        Assert.Equal("native", page.Find("#baseline").GetAttribute("value"));
    }

    [Fact]
    public void The_run_page_of_a_run_that_does_not_exist_says_so()
    {
        Serve();

        var page = Render<RunPage>(p => p.Add(x => x.Id, 42));

        page.WaitForAssertion(() => Assert.Contains("Run 42 does not exist.", page.Markup));
    }

    [Fact]
    public void A_run_page_is_told_of_a_result_and_renders_it_without_polling()
    {
        var before = Benchmark(1, "main", ("fib", "native", 1e6));
        var reader = new Swappable(before with { Run = before.Run with { State = Abstractions.Runs.RunState.Running, CompletedTasks = 1 } });
        Services.AddSingleton<IRunReader>(reader);
        var notifications = new RunNotifications();
        Services.AddSingleton(notifications);
        Services.AddSingleton(new RunStatisticsCache());
        var page = Render<RunPage>(p => p.Add(x => x.Id, 1));
        page.WaitForAssertion(() => Assert.Equal("Running", page.Find("#run-state").TextContent));

        reader.Report = Benchmark(1, "main", ("fib", "native", 1e6), ("fib", "wasmtime", 2e6));
        notifications.Publish(reader.Report.Run);

        page.WaitForAssertion(() => Assert.Equal("Completed", page.Find("#run-state").TextContent));
        Assert.Equal(2, page.FindAll("#results tbody tr").Count);
    }

    [Fact]
    public void The_compare_page_puts_significant_rows_first_and_says_what_was_not_compared()
    {
        Serve(
            Benchmark(1, "main", ("fib", "wasmtime", 1e6), ("sieve", "wasmtime", 1e6), ("only-here", "wasmtime", 1e6)),
            Benchmark(2, "pr", ("fib", "wasmtime", 1e6), ("sieve", "wasmtime", 1.5e6)));
        At("compare?baseline=main&candidate=2");

        var page = Render<ComparePage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#comparison tbody tr").Count));
        var first = page.FindAll("#comparison tbody tr")[0];
        Assert.Contains("sieve", first.TextContent);
        Assert.Contains("slower", first.TextContent);
        Assert.Contains("only-here on wasmtime is only in the baseline", page.Find("#not-compared").TextContent);
        Assert.Single(page.FindAll("#geomean tbody tr"));
    }

    [Fact]
    public void The_trends_page_marks_a_planted_change_point_and_links_the_runs_either_side()
    {
        Serve([.. Enumerable.Range(1, 16).Select(i => Benchmark(i, "main", ("fib", "wasmtime", i <= 10 ? 1e6 : 1.4e6), ("fib", "native", 0.5e6)))]);
        At("trends?workload=fib&engine=wasmtime&label=main");

        var page = Render<TrendsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#trend-chart svg")));
        var change = Assert.Single(page.FindAll("#changes tbody tr"));
        Assert.Equal(["runs/10", "runs/11", "compare?baseline=10&candidate=11"], change.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(16, page.FindAll("#trend-points tbody tr").Count);
    }

    [Fact]
    public void The_conformance_matrix_leads_from_a_cell_to_its_scripts_and_to_a_failing_assertion()
    {
        Serve(Spec(5, ("i32.wast", "interp", 300, 0, 0), ("f32.wast", "interp", 200, 2, 0), ("simd_i8x16.wast", "interp", 0, 0, 80),
            ("i32.wast", "wasmtime", 300, 0, 0), ("f32.wast", "wasmtime", 202, 0, 0), ("simd_i8x16.wast", "wasmtime", 80, 0, 0)));
        At("conformance?run=5");

        var matrix = Render<ConformancePage>();

        matrix.WaitForAssertion(() => Assert.NotNull(matrix.Find("#matrix")));
        Assert.Contains("failed", matrix.Find("td[data-engine='interp'][data-group='float']").ClassName);
        Assert.Contains("unsupported", matrix.Find("td[data-engine='interp'][data-group='SIMD']").TextContent);
        Assert.Contains("100.0%", matrix.Find("td[data-engine='wasmtime'][data-group='SIMD']").TextContent);

        At("conformance?run=5&engine=interp&group=float&script=f32.wast");
        var drill = Render<ConformancePage>();

        drill.WaitForAssertion(() => Assert.Equal(2, drill.FindAll("#assertions tbody tr").Count));
        Assert.Contains("f32.wast wrong result 0", drill.Find("#assertions").TextContent);
        Assert.Contains("100", drill.Find("#assertions tbody tr td").TextContent);
        var rows = drill.FindAll("#assertions tbody tr");
        Assert.Equal("unexpected", rows[0].QuerySelector("td:last-child")!.TextContent);
        Assert.Equal("known: reviewed NaN sign", rows[1].QuerySelector("td:last-child")!.TextContent);
    }

    [Fact]
    public void The_nodes_page_lists_the_cluster_members()
    {
        Serve();

        var page = Render<NodesPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("#nodes tbody tr").Count));
        Assert.Contains("Active", page.Find("#nodes").TextContent);
    }

    private sealed class Nodes : INodeReader
    {
        public Task<IReadOnlyList<NodeInfo>> ListNodesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<NodeInfo>>(
        [
            new NodeInfo("10.0.0.1:11111@1", "coordinator", "Active", DateTimeOffset.UnixEpoch, Cores: 2, CpuModel: "Test CPU"),
            new NodeInfo("10.0.0.2:11111@1", "runner-1", "Active", DateTimeOffset.UnixEpoch, Engines: ["wasmtime 50.0.1"]),
        ]);
    }

    private sealed class Known : IKnownFailureReader
    {
        public string? Reason(string suite, string engine, string file, int line) =>
            (suite, engine, file, line) == ("wasm-2.0", "interp", "f32.wast", 101) ? "reviewed NaN sign" : null;
    }

    private sealed class Swappable(WasmBench.Abstractions.Results.RunReport report) : IRunReader
    {
        public WasmBench.Abstractions.Results.RunReport Report { get; set; } = report;

        public Task<IReadOnlyList<WasmBench.Abstractions.Results.StoredRun>> ListRunsAsync(int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<WasmBench.Abstractions.Results.StoredRun>>([Report.Run]);

        public Task<WasmBench.Abstractions.Results.RunReport?> GetReportAsync(long runId, CancellationToken cancellationToken) => Task.FromResult<WasmBench.Abstractions.Results.RunReport?>(Report);
    }
}
