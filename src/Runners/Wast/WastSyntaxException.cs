namespace WasmBench.Runners.Wast;

/// <summary>
/// A malformed script (unbalanced parentheses, bad literal, unknown command form). Thrown inside
/// the lexer and parser only; <see cref="WastParser.Parse"/> turns it into a result with <c>file:line</c>.
/// </summary>
public sealed class WastSyntaxException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
