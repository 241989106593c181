using WasmBench.Silo.Cli;

namespace WasmBench.Silo.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Theory]
    [InlineData("serve", "--roles")]
    [InlineData("engines", "--json")]
    [InlineData("run", "--iterations")]
    public async Task Every_verb_has_help(string verb, string option)
    {
        var (code, output, _) = await CliHarness.Run(verb, "--help");

        Assert.Equal(0, code);
        Assert.Contains(option, output);
    }

    [Fact]
    public async Task Run_without_suite_is_a_usage_error()
    {
        var (code, _, error) = await CliHarness.Run("run");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--suite", error);
    }

    [Fact]
    public async Task Run_on_an_unknown_engine_exits_two_and_lists_the_engines()
    {
        var (code, _, error) = await CliHarness.Run("run", "--suite", "quick", "--engine", "nosuch", "--db", _dir.File("x.db"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("unknown or unavailable engine 'nosuch'", error);
        Assert.Contains("wasmtime", error);
    }

    [Theory]
    [InlineData("run", "--suite", "smoke")]
    [InlineData("gate", "--suite", "smoke", "--baseline", "main")]
    [InlineData("calibrate", "--suite", "smoke")]
    [InlineData("serve")]
    public async Task A_remeasure_outside_its_range_exits_two_before_anything_runs(params string[] args)
    {
        var db = _dir.File("remeasure.db");
        var (code, _, error) = await CliHarness.Run([.. args, "--remeasure", "9", "--db", db]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--remeasure must be between 0 and 5, not 9", error);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Serve_refuses_to_listen_beyond_loopback_without_a_token()
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ServeCommand.TokenVariable)));

        var (code, _, error) = await CliHarness.Run("serve", "--urls", "http://0.0.0.0:5999", "--db", _dir.File("x.db"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(ServeCommand.TokenVariable, error);
    }

    [Fact]
    public async Task Engines_lists_wasmtime_and_native_with_versions()
    {
        var (code, output, _) = await CliHarness.Run("engines", "--json");

        Assert.Equal(0, code);
        Assert.Contains("\"id\": \"wasmtime\"", output);
        Assert.Contains("\"id\": \"native\"", output);
        Assert.Contains("\"version\": \"50.0.1\"", output);
    }

    [Fact]
    public async Task Engines_lists_each_configuration_with_family_tier_kind_and_capabilities()
    {
        var (code, output, _) = await CliHarness.Run("engines", "--json");

        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        var winch = rows["wasmtime:winch"];
        Assert.Equal("wasmtime", winch.GetProperty("family").GetString());
        Assert.Equal("winch", winch.GetProperty("tier").GetString());
        Assert.Equal("baseline JIT", winch.GetProperty("kind").GetString());
        Assert.Equal(["benchmark", "conformance"], winch.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("interpreter", rows["wasmtime:pulley"].GetProperty("kind").GetString());
        Assert.Equal(["benchmark"], rows["native"].GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("default", rows["node"].GetProperty("tier").GetString());
        Assert.Equal("liftoff", rows["node:liftoff"].GetProperty("tier").GetString());
        Assert.All(rows.Values.Where(r => !r.GetProperty("available").GetBoolean()), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString())));
        Assert.All(new[] { "node", "node:liftoff", "node:turbofan", "spidermonkey:baseline", "spidermonkey:ion", "jsc" },
            id => Assert.Equal(["benchmark", "conformance"], rows[id].GetProperty("capabilities").EnumerateArray().Select(c => c.GetString())));
    }

    [Fact]
    public async Task Engines_says_which_phases_each_configuration_times_and_why_one_is_missing()
    {
        var (code, output, _) = await CliHarness.Run("engines", "--json");

        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        string[] Phases(string id) => [.. rows[id].GetProperty("phases").EnumerateArray().Select(p => p.GetString()!)];
        Assert.Equal(["compilation", "instantiation", "execution"], Phases("wasmtime"));
        Assert.Equal(["compilation", "instantiation", "execution"], Phases("jsc"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows["interp"].GetProperty("phaseNote").ValueKind);
        Assert.Equal(["execution"], Phases("native"));
        Assert.Equal(["instantiation", "execution"], Phases("wasm2c"));
        Assert.Contains("one-off wasm2c + cc build", rows["wasm2c"].GetProperty("phaseNote").GetString());
        Assert.Equal(["execution"], Phases("command:wasm3"));
        Assert.Equal(Runners.Engines.Command.CommandEngine.TimingNote, rows["command:wasm3"].GetProperty("phaseNote").GetString());
    }

    public void Dispose() => _dir.Dispose();
}
