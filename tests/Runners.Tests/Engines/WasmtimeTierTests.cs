using WasmBench.Abstractions.Engines;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Wasmtime;

namespace WasmBench.Runners.Tests.Engines;

/// <summary>What every Wasmtime tier must do beyond the sandbox contract: run a WASI workload with three phases.</summary>
public abstract class WasmtimeTierTests(string flags) : SandboxContractTests
{
    protected override IBenchmarkEngine CreateEngine() => new WasmtimeEngine(flags);

    [Fact]
    public async Task Runs_a_wasi_workload_and_reports_three_phases_per_iteration()
    {
        var engine = new WasmtimeEngine(flags);
        Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);

        var outcome = await engine.RunAsync(TestWorkloads.Spin("small"), Settings, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("size=small input=forty-two result=499500\n", outcome.Stdout);
        Assert.All(outcome.Iterations, t =>
        {
            Assert.True(t.CompilationNs > 0);
            Assert.True(t.InstantiationNs > 0);
            Assert.True(t.ExecutionNs > 0);
        });
    }
}

public sealed class WasmtimeOptNoneTests() : WasmtimeTierTests("opt=none");

public sealed class WasmtimeSpeedAndSizeTests() : WasmtimeTierTests("opt=speed-and-size");

public sealed class WasmtimeWinchTests() : WasmtimeTierTests("winch")
{
    [Fact]
    public void Winch_is_a_jit_without_the_3_0_features_that_abort_it()
    {
        var engine = new WasmtimeEngine("winch");

        Assert.Equal("wasmtime:winch", engine.Info.Id);
        Assert.Equal(WasmtimeTier.Winch, engine.Options.Tier);
        Assert.Equal(EngineKind.BaselineJit, engine.Info.Kind);
        Assert.DoesNotContain("gc", engine.Info.Proposals);
        Assert.DoesNotContain("function-references", engine.Info.Proposals);
        Assert.False(engine.Options.SupportsWasm3Features);
    }
}

public sealed class WasmtimePulleyTests() : WasmtimeTierTests("pulley")
{
    [Theory]
    [InlineData("pulley", true)]
    [InlineData("winch", false)]
    [InlineData("", false)]
    public void Only_the_pulley_tier_builds_a_pulley_interpreter(string flags, bool pulley)
    {
        var options = WasmtimeOptions.Parse(flags).Value!;
        using var config = options.CreateConfig();
        using var engine = new global::Wasmtime.Engine(config);

        Assert.Equal(pulley, engine.IsPulleyInterpreter);
    }

    [Fact]
    public void Pulley_is_listed_as_an_interpreter()
    {
        var engine = new WasmtimeEngine("pulley");

        Assert.Equal("wasmtime:pulley", engine.Info.Id);
        Assert.Equal(EngineKind.Interpreter, engine.Info.Kind);
    }
}
