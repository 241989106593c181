namespace WasmBench.Runners.Wast;

/// <summary>
/// An s-expression node: an atom, a string, or a list. Keeps its line and source span so a
/// text module can be handed to the text converter exactly as written.
/// </summary>
public sealed class SExpr
{
    private static readonly List<SExpr> NoItems = [];

    private SExpr(WastTokenKind kind, string text, byte[]? bytes, List<SExpr> items, int line, int start, int end)
    {
        Kind = kind;
        Text = text;
        Bytes = bytes;
        Items = items;
        Line = line;
        Start = start;
        End = end;
    }

    /// <summary><see cref="WastTokenKind.Atom"/>, <see cref="WastTokenKind.String"/> or <see cref="WastTokenKind.LeftParen"/> for a list.</summary>
    public WastTokenKind Kind { get; }

    public string Text { get; }

    public byte[]? Bytes { get; }

    public List<SExpr> Items { get; }

    public int Line { get; }

    public int Start { get; }

    public int End { get; }

    public bool IsList => Kind == WastTokenKind.LeftParen;

    public bool IsAtom => Kind == WastTokenKind.Atom;

    public bool IsString => Kind == WastTokenKind.String;

    /// <summary>The head keyword of a list, or null.</summary>
    public string? Head => IsList && Items.Count > 0 && Items[0].IsAtom ? Items[0].Text : null;

    public static SExpr Atom(WastToken t) => new(t.Kind, t.Text, t.Bytes, NoItems, t.Line, t.Start, t.End);

    public static SExpr List(List<SExpr> items, int line, int start, int end) =>
        new(WastTokenKind.LeftParen, "", null, items, line, start, end);

    public override string ToString() => IsList ? $"({string.Join(' ', Items)})" : Text;
}
