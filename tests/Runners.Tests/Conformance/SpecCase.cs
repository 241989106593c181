using Xunit.Abstractions;

namespace WasmBench.Runners.Tests.Conformance;

/// <summary>One spec script on one engine; its display text is <c>{engine}/{suite}/{file}.wast</c>.</summary>
public sealed class SpecCase : IXunitSerializable
{
    public SpecCase()
    {
    }

    public SpecCase(string engine, string suite, string file)
    {
        Engine = engine;
        Suite = suite;
        File = file;
    }

    public string Engine { get; private set; } = "";

    public string Suite { get; private set; } = "";

    /// <summary>The script's path relative to the suite folder, or empty when the testsuite is missing.</summary>
    public string File { get; private set; } = "";

    public void Deserialize(IXunitSerializationInfo info)
    {
        Engine = info.GetValue<string>(nameof(Engine));
        Suite = info.GetValue<string>(nameof(Suite));
        File = info.GetValue<string>(nameof(File));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Engine), Engine);
        info.AddValue(nameof(Suite), Suite);
        info.AddValue(nameof(File), File);
    }

    public override string ToString() => $"{Engine}/{Suite}/{(File.Length == 0 ? "(testsuite missing)" : File)}";
}
