using WasmBench.Silo.Cli;

namespace WasmBench.Silo.Tests.Cli;

/// <summary>
/// The spec half of `gate`, end to end on the interpreter: a spec baseline written by
/// `spec --json`, then gates on a tiny testsuite of this test's own (one script in a temp
/// folder), first unchanged and then with the module broken so that two assertions that passed
/// in the baseline fail. The benchmark half runs a foreign workload with one process of two
/// iterations, which can never be a significant change, so the exit code is the spec verdict.
/// </summary>
public sealed class GateSpecEndToEndTests : IDisposable
{
    private const string Script = """
        (module (func (export "add") (param i32 i32) (result i32) (i32.OP (local.get 0) (local.get 1))))
        (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
        (assert_return (invoke "add" (i32.const 2) (i32.const 2)) (i32.const 4))
        (assert_return (invoke "add" (i32.const 0) (i32.const 0)) (i32.const 0))
        """;

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_gate_fails_on_spec_assertions_that_passed_in_the_baseline_and_passes_when_nothing_changed()
    {
        var suite = _dir.File("mini.suite");
        File.WriteAllText(suite, "name: mini\nrepository: https://example.invalid/mini.git\ncommit: 0000000\nprofile: wasm2\ninclude: *.wast\n");
        var testsuite = Directory.CreateDirectory(_dir.File("testsuite")).FullName;
        var script = Path.Combine(testsuite, "add.wast");
        File.WriteAllText(script, Script.Replace("OP", "add"));
        var bench = Directory.CreateDirectory(_dir.File("bench")).FullName;
        ForeignWorkload.Create(bench, "sum");
        var db = _dir.File("gate.db");
        string[] benchArgs = ["--suite", bench, "--engine", "interp", "--processes", "1", "--iterations", "2", "--warmup", "0", "--db", db];

        var (runCode, _, runError) = await CliHarness.Run(["run", .. benchArgs, "--json", _dir.File("bench-base.json")]);
        Assert.True(runCode == 0, runError);
        var (specCode, _, specError) = await CliHarness.Run("spec", "--suite", suite, "--testsuite", testsuite, "--engine", "interp", "--db", db, "--json", _dir.File("spec-base.json"));
        Assert.True(specCode == 0, specError);
        string[] gateArgs = ["gate", .. benchArgs, "--baseline", _dir.File("bench-base.json"), "--spec-suite", suite, "--spec-baseline", _dir.File("spec-base.json"), "--testsuite", testsuite];

        var (sameCode, sameOut, sameError) = await CliHarness.Run([.. gateArgs, "--spec-json", _dir.File("spec-same.json")]);
        File.WriteAllText(script, Script.Replace("OP", "sub"));
        var (brokenCode, brokenOut, _) = await CliHarness.Run(gateArgs);

        Assert.True(sameCode == ExitCodes.Ok, sameOut + sameError);
        Assert.Contains("spec: 0 command(s) fail now that passed in spec-base.json", sameOut);
        using (var written = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_dir.File("spec-same.json"))))
        {
            var engine = Assert.Single(written.RootElement.GetProperty("engines").EnumerateArray());
            Assert.Equal("interp", engine.GetProperty("name").GetString());
            Assert.True(engine.GetProperty("passed").GetInt32() >= 3, engine.ToString());
            Assert.Equal(0, engine.GetProperty("failed").GetInt32());
        }

        Assert.Equal(ExitCodes.Failed, brokenCode);
        Assert.Contains("SPEC REGRESSION interp/add.wast:2: assert_return", brokenOut);
        Assert.Contains("SPEC REGRESSION interp/add.wast:3: assert_return", brokenOut);
        Assert.DoesNotContain("add.wast:4", brokenOut); // 0 - 0 = 0 + 0: still passes
        Assert.Contains("spec: 2 command(s) fail now", brokenOut);
    }

    public void Dispose() => _dir.Dispose();
}
