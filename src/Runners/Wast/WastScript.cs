namespace WasmBench.Runners.Wast;

/// <summary>A parsed .wast script: its commands in order.</summary>
public sealed record WastScript(string File, IReadOnlyList<WastCommand> Commands);

/// <summary>The result of parsing: a script, or an error that says <c>file:line: message</c>.</summary>
public sealed record WastParseResult(WastScript? Script, string? Error)
{
    public bool Succeeded => Script is not null;
}
