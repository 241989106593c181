using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines.Interp;
using WasmBench.Runners.Wast;
using Xunit.Abstractions;

namespace WasmBench.Runners.Tests.Conformance;

/// <summary>
/// The interpreter on every wasm-2.0 spec script, SIMD included: every command passes (no
/// known failures, no skips).
/// </summary>
public sealed class InterpSpecTests(ITestOutputHelper output)
{
    private const string Suite = "wasm-2.0";

    public static TheoryData<SpecCase> Scripts()
    {
        var data = new TheoryData<SpecCase>();
        foreach (var file in SpecTestsuite.Scripts(Suite))
        {
            data.Add(new SpecCase { File = file });
        }

        if (data.Count == 0)
        {
            // A missing testsuite must fail with a clear message, never pass with no cases.
            data.Add(new SpecCase { File = "(testsuite not found)" });
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_passes(SpecCase c)
    {
        var root = SpecTestsuite.Root();
        var path = root is null ? null : Path.Combine(root, Suite, c.File);
        Assert.True(path is not null && File.Exists(path),
            $"spec testsuite script {c} not found: set {SpecTestsuite.EnvironmentVariable} to a folder holding {Suite}/ (looked in {root ?? "nowhere"})");

        var runner = new WastScriptRunner(new InterpEngine(), ConformanceLimits.Default, ConformanceProfile.Wasm2);
        var result = runner.Run(path!, CancellationToken.None);

        Assert.Null(result.Error);
        output.WriteLine($"{c}: passed {result.Count(CommandStatus.Passed)}, skipped {result.Count(CommandStatus.Skipped)}, " +
            $"text-format {result.Count(CommandStatus.TextFormat)}, failed {result.Count(CommandStatus.Failed)}");
        var bad = result.Outcomes
            .Where(o => o.Status is CommandStatus.Failed or CommandStatus.Skipped)
            .Select(o => $"{c.File}:{o.Line} {o.Status} {o.Command}: expected {o.Expected}, got {o.Actual} ({o.Message})")
            .ToList();
        Assert.True(bad.Count == 0, $"{bad.Count} of {result.Outcomes.Count} commands did not pass:\n{string.Join('\n', bad.Take(30))}");
        Assert.NotEmpty(result.Outcomes);
    }

    /// <summary>A test case whose display text is <c>interp/wasm-2.0/{file}</c>.</summary>
    public sealed class SpecCase : IXunitSerializable
    {
        public string File { get; set; } = "";

        public void Deserialize(IXunitSerializationInfo info) => File = info.GetValue<string>(nameof(File));

        public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(File), File);

        public override string ToString() => $"interp/{Suite}/{File}";
    }
}
