using WasmBench.Runners.Engines;
using WasmBench.Runners.Engines.Js;

namespace WasmBench.Runners.Tests.Engines.Js;

/// <summary>Every JS engine against the sandbox contract, plus a WASI workload with its three phases timed in the host.</summary>
public abstract class JsEngineTests(string id) : SandboxContractTests
{
    protected JsEngine Engine { get; } = new(JsVariant.All.Single(v => v.Id == id));

    protected override IBenchmarkEngine CreateEngine() => Engine;

    [Fact]
    public async Task Runs_a_wasi_workload_and_reports_three_phases_per_iteration()
    {
        Assert.True(Engine.Availability.IsAvailable, Engine.Availability.Reason);

        var outcome = await Engine.RunAsync(TestWorkloads.Spin("small"), Settings, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal("size=small input=forty-two result=499500\n", outcome.Stdout);
        Assert.Equal([0, 1], outcome.Iterations.Select(t => t.Iteration));
        Assert.All(outcome.Iterations, t =>
        {
            Assert.True(t.CompilationNs > 0);
            Assert.True(t.InstantiationNs > 0);
            Assert.True(t.ExecutionNs > 0);
        });
    }

    [Fact]
    public void The_engine_says_its_version()
    {
        Assert.Equal(id, Engine.Info.Id);
        Assert.Matches(@"\d+\.\d+", Engine.Info.Identity.Version);
    }
}

public sealed class NodeEngineTests() : JsEngineTests("node")
{
    [Fact]
    public async Task A_shell_that_dies_before_the_host_is_ready_is_unavailable_with_its_stderr()
    {
        var broken = new JsEngine(new JsVariant("node", "broken", "node", ["--no-such-node-flag"], Abstractions.Engines.EngineKind.OptimizingJit, "a bad flag"));

        Assert.False(broken.Availability.IsAvailable);
        Assert.Contains("exited (code 9) before it was ready", broken.Availability.Reason);
        Assert.Contains("--no-such-node-flag", broken.Availability.Reason);
        var outcome = await broken.RunAsync(TestWorkloads.Spin("small"), Settings, CancellationToken.None);
        Assert.StartsWith("node:broken is not available", outcome.Error);
    }

    [Fact]
    public void The_version_names_node_and_v8() => Assert.Matches(@"^\d+\.\d+\.\d+ \(V8 \d+\.\d+", Engine.Info.Identity.Version);
}

/// <summary>A tier of an engine whose default run already covers the host: slow (each test starts a host).</summary>
[Trait("Category", "Slow")]
public sealed class NodeLiftoffEngineTests() : JsEngineTests("node:liftoff");

/// <summary>A tier of an engine whose default run already covers the host: slow (each test starts a host).</summary>
[Trait("Category", "Slow")]
public sealed class NodeTurbofanEngineTests() : JsEngineTests("node:turbofan");

public sealed class SpiderMonkeyBaselineEngineTests() : JsEngineTests("spidermonkey:baseline")
{
    [Fact]
    public void The_version_is_the_shell_s() => Assert.StartsWith("JavaScript-C", Engine.Info.Identity.Version);
}

/// <summary>A tier of an engine whose default run already covers the host: slow (each test starts a host).</summary>
[Trait("Category", "Slow")]
public sealed class SpiderMonkeyIonEngineTests() : JsEngineTests("spidermonkey:ion");

public sealed class JscEngineTests() : JsEngineTests("jsc")
{
    [Fact]
    public void The_version_names_bun_and_javascriptcore() => Assert.Matches(@"^\d+\.\d+\.\d+ \(JavaScriptCore ", Engine.Info.Identity.Version);

    [Fact]
    public async Task A_missing_shell_is_unavailable_with_the_reason()
    {
        var engine = new JsEngine(JsVariant.All.Single(v => v.Id == "jsc"), searchPath: "/nonexistent");

        Assert.False(engine.Availability.IsAvailable);
        Assert.Equal("'bun' not found on PATH", engine.Availability.Reason);
        var outcome = await engine.RunAsync(TestWorkloads.Spin("small"), Settings, CancellationToken.None);
        Assert.StartsWith("jsc is not available", outcome.Error);
    }
}
