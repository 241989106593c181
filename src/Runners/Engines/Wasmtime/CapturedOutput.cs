namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>What a program wrote to stdout and stderr.</summary>
internal sealed record IterationOutput(string Stdout, string Stderr);

/// <summary>Two temporary files that receive a guest's stdout and stderr; deleted on dispose.</summary>
internal sealed class CapturedOutput : IDisposable
{
    public string StdoutPath { get; } = Path.GetTempFileName();

    public string StderrPath { get; } = Path.GetTempFileName();

    public IterationOutput Read() => new(File.ReadAllText(StdoutPath), File.ReadAllText(StderrPath));

    public void Dispose()
    {
        File.Delete(StdoutPath);
        File.Delete(StderrPath);
    }
}
