namespace WasmBench.Runners.Wast;

/// <summary>Builds s-expressions from tokens; drops annotations <c>(@name ...)</c>.</summary>
public static class SExprReader
{
    public static List<SExpr> Read(string source)
    {
        var tokens = WastLexer.Tokenize(source);
        var top = new List<SExpr>();
        var stack = new Stack<(List<SExpr> Items, WastToken Open)>();
        var current = top;
        foreach (var t in tokens)
        {
            switch (t.Kind)
            {
                case WastTokenKind.LeftParen:
                    stack.Push((current, t));
                    current = [];
                    break;
                case WastTokenKind.RightParen:
                    if (stack.Count == 0)
                    {
                        throw new WastSyntaxException(t.Line, "unexpected ')'");
                    }

                    var (parent, open) = stack.Pop();
                    var isAnnotation = current.Count > 0 && current[0].IsAtom && current[0].Text.StartsWith('@');
                    if (!isAnnotation)
                    {
                        parent.Add(SExpr.List(current, open.Line, open.Start, t.End));
                    }

                    current = parent;
                    break;
                default:
                    if (stack.Count == 0)
                    {
                        throw new WastSyntaxException(t.Line, $"unexpected '{t.Text}' outside parentheses");
                    }

                    current.Add(SExpr.Atom(t));
                    break;
            }
        }

        if (stack.Count > 0)
        {
            throw new WastSyntaxException(stack.Last().Open.Line, "unbalanced '(': the script ends before it is closed");
        }

        return top;
    }
}
