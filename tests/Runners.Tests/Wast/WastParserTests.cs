using WasmBench.Runners.Conformance;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Wast;

public sealed class WastParserTests
{
    private static WastScript Parse(string source)
    {
        var result = WastParser.Parse(source, "test.wast");
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    [Fact]
    public void Parses_every_command_kind_with_its_line()
    {
        var script = Parse("""
            (module $M (func (export "f") (param i32) (result i32) (local.get 0)))
            (register "m" $M)
            (invoke "f" (i32.const 1))
            (assert_return (invoke $M "f" (i32.const -1)) (i32.const -1))
            (assert_return (get "g") (f32.const nan:canonical))
            (assert_trap (invoke "f") "unreachable")
            (assert_trap (module (start 0)) "unreachable")
            (assert_exhaustion (invoke "f") "call stack exhausted")
            (assert_exception (invoke "f"))
            (assert_invalid (module (func (result i32))) "type mismatch")
            (assert_malformed (module quote "(func") "unexpected end")
            (assert_malformed (module binary "\00asm") "unexpected end")
            (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
            (assert_uninstantiable (module (func unreachable) (start 0)) "unreachable")
            (module definition $D (func))
            (module instance $I $D)
            (thread $T (invoke "f"))
            """);
        Assert.Equal(Enumerable.Range(1, 17), script.Commands.Select(c => c.Line));
        Assert.Collection(
            script.Commands,
            c => Assert.Equal("$M", Assert.IsType<ModuleCommand>(c).Module.Name),
            c => Assert.Equal(("m", "$M"), (Assert.IsType<RegisterCommand>(c).As, ((RegisterCommand)c).ModuleName)),
            c => Assert.Equal(WasmValue.I32(1), Assert.IsType<ActionCommand>(c).Action.Args[0]),
            c => Assert.Equal("$M", Assert.IsType<AssertReturnCommand>(c).Action.ModuleName),
            c => Assert.Equal(new NanPattern(ValueKind.F32, true), Assert.IsType<AssertReturnCommand>(c).Expected[0]),
            c => Assert.Equal((OutcomeKind.Trap, "unreachable"), (Assert.IsType<AssertActionFailsCommand>(c).Expected, ((AssertActionFailsCommand)c).Message)),
            c => Assert.Equal(OutcomeKind.Trap, Assert.IsType<AssertModuleCommand>(c).Expected),
            c => Assert.Equal(OutcomeKind.Exhaustion, Assert.IsType<AssertActionFailsCommand>(c).Expected),
            c => Assert.Equal(OutcomeKind.Exception, Assert.IsType<AssertActionFailsCommand>(c).Expected),
            c => Assert.Equal(OutcomeKind.Invalid, Assert.IsType<AssertModuleCommand>(c).Expected),
            c => Assert.Equal(ModuleFormat.Quote, Assert.IsType<AssertModuleCommand>(c).Module.Format),
            c => Assert.Equal(new byte[] { 0, 0x61, 0x73, 0x6d }, Assert.IsType<AssertModuleCommand>(c).Module.Binary),
            c => Assert.Equal(OutcomeKind.Unlinkable, Assert.IsType<AssertModuleCommand>(c).Expected),
            c => Assert.Equal(OutcomeKind.Trap, Assert.IsType<AssertModuleCommand>(c).Expected),
            c => Assert.True(Assert.IsType<ModuleCommand>(c).Module.IsDefinition),
            c => Assert.Equal(("$I", "$D"), (Assert.IsType<ModuleInstanceCommand>(c).InstanceName, ((ModuleInstanceCommand)c).ModuleName)),
            c => Assert.Equal("thread", Assert.IsType<UnsupportedCommand>(c).Keyword));
    }

    [Fact]
    public void Skips_comments_and_annotations_and_keeps_the_module_text_as_written()
    {
        var script = Parse("""
            ;; line comment (module
            (; block (; nested ;) comment ;)
            (@annotation "x" (module))
            (module $m (; inside ;) (func (export "f")))
            """);
        var module = Assert.IsType<ModuleCommand>(Assert.Single(script.Commands)).Module;
        Assert.Equal(4, module.Line);
        Assert.Equal("$m", module.Name);
        Assert.Equal("(module (func (export \"f\")))", module.Text);
    }

    [Fact]
    public void Decodes_string_escapes_in_binary_modules()
    {
        var script = Parse("(module binary \"\\00asm\" \"\\01\\00\\00\\00\" \"\\t\\n\\\\\\u{e9}\")");
        var module = Assert.IsType<ModuleCommand>(Assert.Single(script.Commands)).Module;
        Assert.Equal(new byte[] { 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 9, 10, 0x5c, 0xc3, 0xa9 }, module.Binary);
    }

    [Fact]
    public void Parses_values_v128_lanes_references_and_either()
    {
        var script = Parse("""
            (assert_return (invoke "f" (v128.const i16x8 -1 0 1 2 3 4 5 0xffff) (ref.null extern) (ref.extern 7))
              (v128.const f32x4 nan:canonical 1.0 -0 nan:arithmetic)
              (either (i32.const 1) (i32.const 2))
              (ref.null func) (ref.extern 7) (ref.func) (ref.i31) (ref.null))
            """);
        var command = Assert.IsType<AssertReturnCommand>(Assert.Single(script.Commands));
        Assert.Equal(WasmValue.V128(0x0002_0001_0000_ffffUL, 0xffff_0005_0004_0003UL), command.Action.Args[0]);
        Assert.Equal(WasmValue.Null(RefKind.Extern), command.Action.Args[1]);
        Assert.Equal(WasmValue.Extern(7), command.Action.Args[2]);
        var lanes = Assert.IsType<V128Pattern>(command.Expected[0]);
        Assert.Equal([NanClass.Canonical, NanClass.None, NanClass.None, NanClass.Arithmetic], lanes.Lanes.Select(l => l.Nan));
        Assert.Equal([0x3f800000UL, 0x80000000UL], lanes.Lanes.Skip(1).Take(2).Select(l => l.Bits));
        Assert.Equal(2, Assert.IsType<EitherPattern>(command.Expected[1]).Alternatives.Count);
        Assert.Equal(new RefPattern(RefKind.Func, IsNull: true), command.Expected[2]);
        Assert.Equal(new RefPattern(RefKind.Extern, false, 7), command.Expected[3]);
        Assert.Equal(new RefPattern(RefKind.Func, false), command.Expected[4]);
        Assert.Equal(new RefPattern(RefKind.I31, false), command.Expected[5]);
        Assert.Equal(new RefPattern(null, IsNull: true), command.Expected[6]);
    }

    [Fact]
    public void A_script_of_module_fields_is_one_inline_module()
    {
        var script = Parse("(func) (memory 0)");
        var module = Assert.IsType<ModuleCommand>(Assert.Single(script.Commands)).Module;
        Assert.Equal("(module (func) (memory 0))", module.Text);
    }

    [Theory]
    [InlineData("(module\n(func", "test.wast:1: unbalanced '('")]
    [InlineData("(module)\n)", "test.wast:2: unexpected ')'")]
    [InlineData("(assert_return (invoke \"f\")\n (i32.const 0x1_0000_0000))", "test.wast:2: bad i32 literal")]
    [InlineData("\n\n(register \"unterminated)", "test.wast:3: unterminated string")]
    [InlineData("(frobnicate)", "test.wast:1: unknown command 'frobnicate'")]
    [InlineData("(; open comment", "test.wast:1: unterminated block comment")]
    [InlineData("(assert_return (invoke \"f\" (f32.const 1.5x)))", "test.wast:1: bad f32 literal")]
    [InlineData("(assert_return (invoke \"f\") (v128.const i32x4 1 2 3))", "test.wast:1: v128.const i32x4 needs 4 lanes")]
    [InlineData("(assert_invalid (invoke \"f\") \"x\")", "test.wast:1: assert_invalid needs a module")]
    [InlineData("bare", "test.wast:1: unexpected 'bare' outside parentheses")]
    public void A_malformed_script_is_an_error_with_file_and_line(string source, string expectedPrefix)
    {
        var result = WastParser.Parse(source, "test.wast");

        Assert.False(result.Succeeded);
        Assert.StartsWith(expectedPrefix, result.Error);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var result = WastParser.ParseFile("/nonexistent/x.wast");

        Assert.False(result.Succeeded);
        Assert.Contains("/nonexistent/x.wast", result.Error);
    }

    [Fact]
    public void Parses_every_script_of_both_testsuites_including_legacy_and_proposals()
    {
        var location = WasmBench.Runners.Spec.TestsuiteLocator.Locate();
        Assert.True(location.Succeeded, location.Error);
        var files = Directory.GetFiles(location.Value.Path, "*.wast", SearchOption.AllDirectories);
        Assert.True(files.Length >= 146 + 257, $"only {files.Length} scripts under {location.Value.Path}");

        var results = files.Select(WastParser.ParseFile).ToList();
        var errors = results.Where(r => !r.Succeeded).Select(r => r.Error).ToList();
        var commands = results.Sum(r => r.Value?.Commands.Count ?? 0);

        Assert.Empty(errors);
        Assert.True(commands > 100_000, $"{commands} commands");
    }
}
