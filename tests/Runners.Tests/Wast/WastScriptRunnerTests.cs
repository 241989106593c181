using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines.Wasmtime;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Wast;

/// <summary>The runner on small scripts, with Wasmtime as the engine under test.</summary>
public sealed class WastScriptRunnerTests
{
    private static WastRunResult Run(string source, ConformanceProfile profile = ConformanceProfile.Wasm3)
    {
        var parsed = WastParser.Parse(source, "inline.wast");
        Assert.True(parsed.Succeeded, parsed.Error);
        return new WastScriptRunner(new WasmtimeEngine(), ConformanceLimits.Default, profile).Run(parsed.Value!, CancellationToken.None);
    }

    private static IEnumerable<CommandStatus> Statuses(WastRunResult r) => r.Outcomes.Select(o => o.Status);

    [Fact]
    public void Passes_a_conformant_script_and_fails_a_wrong_expectation_with_details()
    {
        var result = Run("""
            (module
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
              (func (export "neg0") (result f32) (f32.const -0))
              (global (export "g") i64 (i64.const -7)))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
            (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
            (assert_return (invoke "neg0") (f32.const 0))
            (assert_return (get "g") (i64.const -7))
            """);

        Assert.Equal([CommandStatus.Passed, CommandStatus.Passed, CommandStatus.Failed, CommandStatus.Passed, CommandStatus.Failed, CommandStatus.Passed], Statuses(result));
        var wrong = result.Outcomes[2];
        Assert.Equal(7, wrong.Line);
        Assert.Equal("assert_return (invoke \"add\" i32:1 i32:2)", wrong.Command);
        Assert.Equal("i32:4", wrong.Expected);
        Assert.Equal("i32:3", wrong.Actual);
        Assert.Equal("f32:-0 (0x80000000)", result.Outcomes[4].Actual);
    }

    [Fact]
    public void A_module_that_fails_to_instantiate_does_not_become_current()
    {
        var result = Run("""
            (module (func (export "f") (result i32) (i32.const 1)))
            (assert_trap (module (func unreachable) (start 0)) "unreachable")
            (assert_return (invoke "f") (i32.const 1))
            (assert_unlinkable (module (import "spectest" "nope" (func))) "unknown import")
            (assert_return (invoke "f") (i32.const 1))
            """);

        Assert.All(result.Outcomes, o => Assert.Equal(CommandStatus.Passed, o.Status));
    }

    [Fact]
    public void Registers_instances_and_links_them_and_spectest()
    {
        var result = Run("""
            (module $A (func (export "one") (result i32) (i32.const 1)) (global (export "g") (mut i32) (i32.const 5)))
            (register "a" $A)
            (module $B
              (import "a" "one" (func $one (result i32)))
              (import "spectest" "global_i32" (global $s i32))
              (import "spectest" "print_i32" (func $print (param i32)))
              (import "spectest" "table" (table 10 funcref))
              (import "spectest" "memory" (memory 1))
              (func (export "sum") (result i32) (call $print (i32.const 0)) (i32.add (call $one) (global.get $s))))
            (assert_return (invoke $B "sum") (i32.const 667))
            (assert_return (invoke $A "one") (i32.const 1))
            (assert_unlinkable (module (import "a" "one" (func (param i32)))) "incompatible import type")
            """);

        Assert.All(result.Outcomes, o => Assert.Equal(CommandStatus.Passed, o.Status));
    }

    [Fact]
    public void Malformed_and_invalid_are_distinct_outcome_classes()
    {
        var result = Run("""
            (assert_malformed (module binary "\00asm" "\01\00\00\00" "\01") "unexpected end")
            (assert_invalid (module (func (result i32))) "type mismatch")
            (assert_invalid (module binary "\00asm" "\02\00\00\00") "unknown binary version")
            (assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
            """);

        Assert.Equal([CommandStatus.Passed, CommandStatus.Passed, CommandStatus.Failed, CommandStatus.TextFormat], Statuses(result));
        Assert.Equal("Malformed", result.Outcomes[2].Actual);
    }

    [Fact]
    public void An_invalid_text_module_the_converter_rejects_is_text_format()
    {
        var result = Run("""(assert_invalid (module (func (local.get 5))) "unknown local")""");

        // The wat converter resolves the index itself; the engine must still see and reject the bytes.
        Assert.Equal(CommandStatus.Passed, Assert.Single(result.Outcomes).Status);
        var named = Run("""(assert_invalid (module (func (local.get $nope))) "unknown local")""");
        Assert.Equal(CommandStatus.TextFormat, Assert.Single(named.Outcomes).Status);
    }

    [Fact]
    public void Stack_overflow_is_exhaustion_and_an_endless_loop_hits_the_deadline()
    {
        var parsed = WastParser.Parse("""
            (module
              (func $r (export "r") (call $r))
              (func (export "spin") (loop (br 0))))
            (assert_exhaustion (invoke "r") "call stack exhausted")
            (assert_trap (invoke "spin") "deadline")
            """, "inline.wast");
        var limits = new ConformanceLimits(TimeSpan.FromMilliseconds(200));
        var result = new WastScriptRunner(new WasmtimeEngine(), limits).Run(parsed.Value!, CancellationToken.None);

        Assert.All(result.Outcomes, o => Assert.Equal(CommandStatus.Passed, o.Status));
        Assert.Contains("deadline exceeded", result.Outcomes[2].Message);
    }

    [Fact]
    public void Externref_identity_survives_a_round_trip()
    {
        var result = Run("""
            (module (func (export "id") (param externref) (result externref) (local.get 0)))
            (assert_return (invoke "id" (ref.extern 1)) (ref.extern 1))
            (assert_return (invoke "id" (ref.extern 1)) (ref.extern 2))
            (assert_return (invoke "id" (ref.null extern)) (ref.null extern))
            """);

        Assert.Equal([CommandStatus.Passed, CommandStatus.Passed, CommandStatus.Failed, CommandStatus.Passed], Statuses(result));
    }

    [Fact]
    public void What_the_dotnet_api_cannot_carry_is_cut_and_its_uses_are_skipped_with_a_reason()
    {
        var result = Run("""
            (module $G
              (type $t (func))
              (func $nop (type $t))
              (elem declare func $nop)
              (func (export "mk") (result anyref) (ref.i31 (i32.const 1)))
              (func (export "typed") (result (ref $t)) (ref.func $nop))
              (func (export "plain") (result i32) (i32.const 7)))
            (assert_return (invoke $G "mk") (ref.i31))
            (assert_return (invoke $G "plain") (i32.const 7))
            (register "g" $G)
            (module (import "g" "typed" (func (result funcref))))
            (module (import "g" "mk" (func (result anyref))))
            """);

        Assert.Equal(
            [CommandStatus.Passed, CommandStatus.Skipped, CommandStatus.Passed, CommandStatus.Passed, CommandStatus.Skipped, CommandStatus.Skipped],
            Statuses(result));
        Assert.Contains("GC reference", result.Outcomes[1].Message);
        Assert.Contains("g::typed", result.Outcomes[4].Message);
        Assert.Contains("the import \"g\" \"mk\"", result.Outcomes[5].Message);
    }

    [Fact]
    public void A_failed_module_is_one_failure_and_the_commands_that_need_it_are_not_run()
    {
        var result = Run("""
            (module $Bad (func (export "f") (result i32) (i64.const 1)))
            (assert_return (invoke "f") (i32.const 1))
            (assert_return (invoke $Bad "f") (i32.const 1))
            (register "bad" $Bad)
            (module (import "bad" "f" (func (result i32))))
            (module $Good (func (export "g") (result i32) (i32.const 2)))
            (assert_return (invoke "g") (i32.const 2))
            (assert_return (invoke $Bad "f") (i32.const 1))
            (module definition $D (func (export "h") (result i32) (i64.const 1)))
            (module instance $I $D)
            (assert_return (invoke $I "h") (i32.const 1))
            """);

        Assert.Equal(
            [CommandStatus.Failed, CommandStatus.NotRun, CommandStatus.NotRun, CommandStatus.NotRun, CommandStatus.NotRun,
             CommandStatus.Passed, CommandStatus.Passed, CommandStatus.NotRun,
             CommandStatus.Failed, CommandStatus.NotRun, CommandStatus.NotRun],
            Statuses(result));
        Assert.Equal("the module of line 1 failed", result.Outcomes[1].Message);
        Assert.Equal("it imports from \"bad\", which is missing: the module of line 1 failed", result.Outcomes[4].Message);
        Assert.Equal("the module of line 9 failed", result.Outcomes[10].Message);
    }

    [Fact]
    public void The_2_0_profile_keeps_2_0_validation_rules()
    {
        const string script = """(assert_invalid (module (memory 0) (memory 0)) "multiple memories")""";

        Assert.Equal(CommandStatus.Passed, Assert.Single(Run(script, ConformanceProfile.Wasm2).Outcomes).Status);
        Assert.Equal(CommandStatus.Failed, Assert.Single(Run(script, ConformanceProfile.Wasm3).Outcomes).Status);
    }

    [Fact]
    public void Module_definitions_are_instantiated_on_demand()
    {
        var result = Run("""
            (module definition $D (global $g (export "g") (mut i32) (i32.const 0)) (func (export "inc") (global.set $g (i32.add (global.get $g) (i32.const 1)))))
            (module instance $I1 $D)
            (module instance $I2 $D)
            (invoke $I1 "inc")
            (assert_return (get $I1 "g") (i32.const 1))
            (assert_return (get $I2 "g") (i32.const 0))
            """);

        Assert.All(result.Outcomes, o => Assert.Equal(CommandStatus.Passed, o.Status));
    }

    [Fact]
    public void An_unparsable_script_is_one_failure_with_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wasmbench-{Guid.NewGuid():N}.wast");
        File.WriteAllText(path, "(module)\n(assert_return (invoke \"f\")");
        try
        {
            var result = new WastScriptRunner(new WasmtimeEngine(), ConformanceLimits.Default).Run(path, CancellationToken.None);

            var failure = Assert.Single(result.Outcomes);
            Assert.Equal(CommandStatus.Failed, failure.Status);
            Assert.StartsWith($"{path}:2:", failure.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
