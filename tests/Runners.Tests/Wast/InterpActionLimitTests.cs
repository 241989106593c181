using System.Diagnostics;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines.Interp;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Wast;

/// <summary>A script that loops on large memory.fill instructions fails its action within the action limit on interp.</summary>
public sealed class InterpActionLimitTests
{
    private static (WastRunResult Result, TimeSpan Took) RunFillLoop(int pages)
    {
        var parsed = WastParser.Parse($"""
            (module
              (memory {pages})
              (func (export "fill") (loop (memory.fill (i32.const 0) (i32.const 1) (i32.const {pages * 65536L})) (br 0))))
            (assert_trap (invoke "fill") "deadline")
            """, "fill-loop.wast");
        Assert.True(parsed.Succeeded, parsed.Error);
        var clock = Stopwatch.StartNew();
        var result = new WastScriptRunner(new InterpEngine(), new ConformanceLimits(TimeSpan.FromSeconds(2))).Run(parsed.Value!, CancellationToken.None);
        return (result, clock.Elapsed);
    }

    [Fact]
    public void A_loop_of_64_MiB_fills_fails_within_its_action_limit()
    {
        var (result, took) = RunFillLoop(1024);

        Assert.Matches("deadline|timeout", result.Outcomes[^1].Message);
        Assert.True(took < TimeSpan.FromSeconds(10), $"the 2 s action limit ended the loop after {took.TotalSeconds:0.0} s");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_loop_of_1_GiB_fills_fails_within_its_action_limit()
    {
        var (result, took) = RunFillLoop(16384);

        Assert.Matches("deadline|timeout", result.Outcomes[^1].Message);
        Assert.True(took < TimeSpan.FromSeconds(15), $"the 2 s action limit ended the loop after {took.TotalSeconds:0.0} s");
    }
}
