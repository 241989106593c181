using System.Globalization;
using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Cli;

namespace WasmBench.Silo.Tests.Cli;

public sealed class RunTableTests
{
    private static PairReport Task(string workload, string engine, params long[] executionNs) =>
        new(workload, new EngineIdentity(engine, "", "1"), null, 1, OutputVerdict.Matched, null,
            [.. executionNs.Select((ns, i) => new Sample(Phase.Execution, 0, i, ns))], []);

    private static RunReport Report(params PairReport[] tasks) => new(
        new StoredRun(7, RunKind.Benchmark, "quick", null, ["wasmtime", "native"], 3, RunState.Completed, tasks.Length, tasks.Length, 0, null, DateTimeOffset.UnixEpoch, null),
        tasks);

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void Shows_medians_and_ratios_to_the_fastest_in_any_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var table = RunTable.Render(Report(
                Task("fib", "wasmtime", 4_000_000, 2_000_000, 3_000_000),
                Task("fib", "native", 1_500_000, 1_500_000, 1_500_000),
                Task("sieve", "wasmtime", 10_000_000),
                new PairReport("sieve", new EngineIdentity("native", "", "1"), null, 1, OutputVerdict.NotChecked, "build failed", [], [])));

            var lines = table.Split('\n');
            Assert.Matches(@"^workload\s+wasmtime\s+native$", lines[0]);
            Assert.Matches(@"^fib\s+3\.00 ms \(2\.00x\)\s+1\.50 ms \(1\.00x\)$", lines[1]);
            Assert.Matches(@"^sieve\s+10\.00 ms \(1\.00x\)\s+FAILED$", lines[2]);
            Assert.Contains("FAILED sieve on native: build failed", table);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_notes_stored_with_the_run_are_printed_under_the_table()
    {
        var report = Report(Task("fib", "native", 1_500_000));
        report = report with { Run = report.Run with { Notes = ["native reports execution only: no wasm"] } };

        var table = RunTable.Render(report);

        Assert.Contains("note: native reports execution only: no wasm", table);
    }

    [Fact]
    public void A_run_on_two_machines_has_a_column_per_engine_and_machine_and_names_every_engine_build()
    {
        static PairReport On(string host, long ns) => Task("fib", "wasmtime", ns, ns, ns) with
        {
            Machine = new MachineFingerprint(host, "cpu", 2, "linux", ".NET 10"),
            Engine = new EngineIdentity("wasmtime", "", "50.0.1", host == "runner-1" ? "aaaaaaaaaaaa" : "bbbbbbbbbbbb"),
        };

        var table = RunTable.Render(Report(On("runner-1", 1_000_000), On("runner-2", 2_000_000)));

        var lines = table.Split('\n');
        Assert.Matches(@"^workload\s+wasmtime@runner-1\s+wasmtime@runner-2$", lines[0]);
        Assert.Matches(@"^fib\s+1\.00 ms \(1\.00x\)\s+2\.00 ms \(2\.00x\)$", lines[1]);
        Assert.Contains("engines: wasmtime 50.0.1 (build aaaaaaaaaaaa); wasmtime 50.0.1 (build bbbbbbbbbbbb)", table);
    }

    [Fact]
    public void An_engine_that_changed_build_during_a_run_has_a_column_per_build()
    {
        var table = RunTable.Render(Report(
            Task("fib", "interp", 40_000_000) with { Engine = new EngineIdentity("interp", "", "0.1.0+aaa", "aaaaaaaaaaaa") },
            Task("fib", "interp", 44_000_000) with { Engine = new EngineIdentity("interp", "", "0.1.0+bbb", "bbbbbbbbbbbb") }));

        Assert.Matches(@"^workload\s+interp \(build aaaaaaaaaaaa\)\s+interp \(build bbbbbbbbbbbb\)$", table.Split('\n')[0]);
        Assert.Matches(@"(?m)^fib\s+40\.00 ms \(1\.00x\)\s+44\.00 ms \(1\.10x\)$", table);
    }
}
