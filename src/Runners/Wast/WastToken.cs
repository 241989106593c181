namespace WasmBench.Runners.Wast;

public enum WastTokenKind
{
    LeftParen,
    RightParen,
    /// <summary>A keyword, number, or <c>$id</c>.</summary>
    Atom,
    /// <summary>A string literal; <see cref="WastToken.Bytes"/> holds its decoded bytes.</summary>
    String,
}

/// <summary>One token of a script, with its 1-based line and its span in the source text.</summary>
public readonly record struct WastToken(WastTokenKind Kind, string Text, int Line, int Start, int End, byte[]? Bytes = null);
