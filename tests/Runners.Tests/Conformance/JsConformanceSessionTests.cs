using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines.Js;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Conformance;

/// <summary>
/// The JS host's conformance session on a real shell: values JavaScript cannot carry (v128, NaN payloads,
/// i64 extremes) cross bit for bit through the generated wrappers, references keep their identity,
/// imports resolve against spectest and registered instances, and every error class is graded.
/// </summary>
public abstract class JsConformanceSessionTests(string id)
{
    protected JsEngine Engine { get; } = JsSpecEngines.Get(id);

    private static IConformanceInstance Instantiate(IConformanceSession session, string wat)
    {
        var bytes = WatConverter.Convert(wat);
        Assert.True(bytes.Succeeded, bytes.Error);
        var compiled = session.Compile(bytes.Value);
        Assert.True(compiled.Module is not null, compiled.Message);
        var instance = session.Instantiate(compiled.Module);
        Assert.True(instance.Instance is not null, instance.Message);
        return instance.Instance;
    }

    [Fact]
    public void Values_javascript_cannot_carry_cross_bit_for_bit()
    {
        Assert.True(Engine.Availability.IsAvailable, Engine.Availability.Reason);
        using var session = Engine.CreateSession(ConformanceLimits.Default, ConformanceProfile.Wasm2);
        var instance = Instantiate(session, """
            (module
              (func (export "same") (param i64 f32 f64 v128 externref) (result externref v128 f64 f32 i64)
                (local.get 4) (local.get 3) (local.get 2) (local.get 1) (local.get 0))
              (global (export "v") v128 (v128.const i32x4 1 2 3 0xffffffff))
              (global (export "nan") (mut f32) (f32.const nan:0x200001)))
            """);
        WasmValue[] args = [WasmValue.I64(long.MinValue), WasmValue.F32Bits(0x7fa00001), WasmValue.F64Bits(0xfff4000000000001), WasmValue.V128(0x0123456789abcdef, 0xfedcba9876543210), WasmValue.Extern(7)];

        var same = session.Invoke(instance, "same", args);

        Assert.Equal(OutcomeKind.Ok, same.Outcome);
        Assert.Equal(args.Reverse(), same.Values);
        Assert.Equal([WasmValue.V128(0x0000000200000001, 0xffffffff00000003)], session.Get(instance, "v").Values);
        Assert.Equal([WasmValue.F32Bits(0x7fa00001)], session.Get(instance, "nan").Values);
    }

    [Fact]
    public void Imports_resolve_against_spectest_and_registered_instances()
    {
        using var session = Engine.CreateSession(ConformanceLimits.Default, ConformanceProfile.Wasm2);
        var a = Instantiate(session, """(module (func (export "seven") (result i32) (i32.const 7)) (global (export "g") (mut i64) (i64.const -1)))""");
        session.Register("A", a);
        var b = Instantiate(session, """
            (module
              (import "A" "seven" (func $seven (result i32)))
              (import "A" "g" (global $g (mut i64)))
              (import "spectest" "global_f32" (global $f f32))
              (import "spectest" "memory" (memory 1 2))
              (func (export "all") (result i32 i64 f32 i32) (call $seven) (global.get $g) (global.get $f) (memory.size)))
            """);

        Assert.Equal([WasmValue.I32(7), WasmValue.I64(-1), WasmValue.F32Bits(0x4426a666), WasmValue.I32(1)], session.Invoke(b, "all", []).Values);
        var unknown = session.Compile(WatConverter.Convert("""(module (import "nowhere" "f" (func)))""").Value!);
        Assert.Equal(OutcomeKind.Unlinkable, session.Instantiate(unknown.Module!).Outcome);
        var mismatch = session.Compile(WatConverter.Convert("""(module (import "A" "seven" (func (result i64))))""").Value!);
        Assert.Equal(OutcomeKind.Unlinkable, session.Instantiate(mismatch.Module!).Outcome);
    }

    [Fact]
    public void A_script_grades_malformed_invalid_trap_and_exhaustion_as_the_spec_does()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wasmbench-js-{Guid.NewGuid():N}.wast");
        File.WriteAllText(path, """
            (assert_malformed (module binary "\00asm\01\00\00\00\01\09\01") "unexpected end")
            (assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
            (module
              (func $loop (export "recurse") (call $loop))
              (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
              (func (export "nan") (result f64) (f64.div (f64.const 0) (f64.const 0))))
            (assert_trap (invoke "div" (i32.const 0)) "integer divide by zero")
            (assert_exhaustion (invoke "recurse") "call stack exhausted")
            (assert_return (invoke "div" (i32.const 1)) (i32.const 1))
            (assert_return (invoke "nan") (f64.const nan:canonical))
            (assert_return (invoke "div" (i32.const 1)) (i32.const 2))
            """);
        try
        {
            var run = new WastScriptRunner(Engine, ConformanceLimits.Default, ConformanceProfile.Wasm2).Run(path, CancellationToken.None);

            var statuses = run.Outcomes.Select(o => o.Status).ToList();
            Assert.True(statuses.Take(7).All(s => s == CommandStatus.Passed), string.Join('\n', run.Outcomes));
            Assert.Equal(CommandStatus.Failed, statuses[7]);
            Assert.Equal("i32:1", run.Outcomes[7].Actual);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_action_past_the_deadline_is_a_trap_and_the_killed_host_fails_later_commands_with_why()
    {
        using var session = Engine.CreateSession(new ConformanceLimits(TimeSpan.FromSeconds(2)), ConformanceProfile.Wasm2);
        var instance = Instantiate(session, """(module (func (export "spin") (loop (br 0))) (func (export "one") (result i32) (i32.const 1)))""");

        var spin = session.Invoke(instance, "spin", []);
        var after = session.Invoke(instance, "one", []);

        Assert.Equal(OutcomeKind.Trap, spin.Outcome);
        Assert.Contains("deadline exceeded", spin.Message);
        Assert.Equal(OutcomeKind.HostError, after.Outcome);
        Assert.Contains("killed when a request exceeded the deadline of 2 s", after.Message);
    }

    [Fact]
    public void On_wasm_3_0_a_module_needing_a_feature_the_engine_lacks_is_unsupported_and_on_2_0_rejected()
    {
        // memory64: none of the three shells here has it enabled.
        var bytes = WatConverter.Convert("(module (memory i64 1))").Value!;
        using var wasm3 = Engine.CreateSession(ConformanceLimits.Default, ConformanceProfile.Wasm3);
        using var wasm2 = Engine.CreateSession(ConformanceLimits.Default, ConformanceProfile.Wasm2);

        var on3 = wasm3.Compile(bytes);
        var on2 = wasm2.Compile(bytes);

        Assert.Equal(OutcomeKind.Unsupported, on3.Outcome);
        Assert.Equal(OutcomeKind.Rejected, on2.Outcome);
    }
}

public sealed class NodeConformanceSessionTests() : JsConformanceSessionTests("node")
{
    [Fact]
    public void A_shell_that_disappears_after_the_probe_fails_every_command_of_the_script_with_that_reason()
    {
        using var folder = new TempFolder();
        var link = Path.Combine(folder.Path, "node");
        File.CreateSymbolicLink(link, Runners.Engines.ExecutableLookup.Find("node")!);
        var engine = new JsEngine(JsVariant.All.Single(v => v.Id == "node"), searchPath: folder.Path);
        Assert.True(engine.Availability.IsAvailable, engine.Availability.Reason);

        File.Delete(link);
        using var session = engine.CreateSession(ConformanceLimits.Default, ConformanceProfile.Wasm2);
        var compiled = session.Compile(WatConverter.Convert("(module)").Value!);

        Assert.Equal(OutcomeKind.HostError, compiled.Outcome);
        Assert.Equal($"the engine's binary {link} is gone (it was there when the engine was probed)", compiled.Message);
    }
}

/// <summary>The other two JS families: slow (each test starts a host).</summary>
[Trait("Category", "Slow")]
public sealed class SpiderMonkeyConformanceSessionTests() : JsConformanceSessionTests("spidermonkey:ion");

[Trait("Category", "Slow")]
public sealed class JscConformanceSessionTests() : JsConformanceSessionTests("jsc");
