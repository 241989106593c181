using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

/// <summary>The legacy exception instructions (try, catch, catch_all, delegate, rethrow), from WAT assembled by WABT's wat2wasm.</summary>
public sealed class LegacyExceptionTests
{
    private const string Module = """
        (module
          (tag $e (param i32))
          (tag $other)
          (func $thrower (param i32) (throw $e (local.get 0)))
          (func (export "catch_value") (param i32) (result i32)
            (try (result i32)
              (do (call $thrower (local.get 0)) (i32.const -1))
              (catch $other (i32.const -2))
              (catch $e (i32.add (i32.const 1)))))
          (func (export "rethrow_to_caller") (param i32) (result i32)
            (try (result i32)
              (do (call $thrower (local.get 0)) (i32.const -1))
              (catch_all (rethrow 0))))
          (func (export "catch_rethrown") (param i32) (result i32)
            (try (result i32)
              (do (call 2 (local.get 0)))
              (catch $e)))
          (func (export "delegate_skips_a_catch") (result i32)
            (try $outer (result i32)
              (do
                (try (result i32)
                  (do (try (result i32) (do (call $thrower (i32.const 5)) (i32.const 0)) (delegate $outer)))
                  (catch $e (drop) (i32.const 100))))
              (catch $e (i32.const 200) (i32.add))))
          (func (export "delegate_to_caller")
            (try (do (call $thrower (i32.const 9))) (delegate 0)))
          (func (export "catch_in_a_loop") (param i32) (result i32) (local i32)
            (loop $l
              (try (do (call $thrower (local.get 0))) (catch $e (local.get 1) (i32.add) (local.set 1)))
              (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
            (local.get 1)))
        """;

    private static ModuleInstance Instantiate(Store store)
    {
        var compiled = WasmEngine.Compile(Wat.Assemble(Module, "exceptions"));
        Assert.True(compiled.Succeeded, compiled.Message);
        var inst = WasmEngine.Instantiate(store, compiled.Module!, (_, _) => null);
        Assert.True(inst.Succeeded, inst.Message);
        return inst.Instance!;
    }

    [Fact]
    public void A_catch_of_the_thrown_tag_gets_the_payload_and_another_tags_clause_is_passed_over()
    {
        var inst = Instantiate(new Store());

        Assert.Equal(42u, (uint)WasmEngine.Invoke(inst, "catch_value", 41)[0]);
    }

    [Fact]
    public void Rethrow_in_catch_all_rethrows_the_caught_exception_to_the_callers_catch()
    {
        var inst = Instantiate(new Store());

        Assert.Equal(13u, (uint)WasmEngine.Invoke(inst, "catch_rethrown", 13)[0]);
        var e = Assert.Throws<UncaughtException>(() => WasmEngine.Invoke(inst, "rethrow_to_caller", 8));
        Assert.Equal([8UL], e.Exception.Payload);
    }

    [Fact]
    public void Delegate_hands_the_exception_to_the_named_try_past_an_inner_catch()
    {
        var inst = Instantiate(new Store());

        Assert.Equal(205u, (uint)WasmEngine.Invoke(inst, "delegate_skips_a_catch")[0]);
        var e = Assert.Throws<UncaughtException>(() => WasmEngine.Invoke(inst, "delegate_to_caller"));
        Assert.Equal([9UL], e.Exception.Payload);
    }

    [Fact]
    public void A_catch_no_rethrow_names_keeps_no_exception_reference_so_a_long_loop_of_catches_runs()
    {
        // 2^20 + 10 catches: more than a store keeps exception references for.
        var inst = Instantiate(new Store());

        var n = (1u << 20) + 10;
        Assert.Equal((uint)((ulong)n * (n + 1) / 2), (uint)WasmEngine.Invoke(inst, "catch_in_a_loop", n)[0]);
    }
}
