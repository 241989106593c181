using System.Text;

namespace WasmBench.Runners.Wast;

/// <summary>
/// Splits a .wast script into tokens: parentheses, atoms and strings. Skips whitespace,
/// line comments (<c>;;</c>) and nested block comments (<c>(; ;)</c>).
/// </summary>
public static class WastLexer
{
    public static List<WastToken> Tokenize(string source)
    {
        var tokens = new List<WastToken>(source.Length / 4);
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            switch (c)
            {
                case '\n':
                    line++;
                    i++;
                    break;
                case ' ' or '\t' or '\r':
                    i++;
                    break;
                case ';' when Peek(source, i + 1) == ';':
                    while (i < source.Length && source[i] != '\n')
                    {
                        i++;
                    }

                    break;
                case '(' when Peek(source, i + 1) == ';':
                    i = SkipBlockComment(source, i, ref line);
                    break;
                case '(':
                    tokens.Add(new WastToken(WastTokenKind.LeftParen, "(", line, i, i + 1));
                    i++;
                    break;
                case ')':
                    tokens.Add(new WastToken(WastTokenKind.RightParen, ")", line, i, i + 1));
                    i++;
                    break;
                case '"':
                    tokens.Add(ReadString(source, ref i, ref line));
                    break;
                default:
                    var start = i;
                    while (i < source.Length && !IsDelimiter(source[i]))
                    {
                        i++;
                    }

                    if (i == start)
                    {
                        // A lone ';' (not a comment): keep it as a one-character atom so the lexer always advances.
                        i++;
                    }

                    tokens.Add(new WastToken(WastTokenKind.Atom, source[start..i], line, start, i));
                    break;
            }
        }

        return tokens;
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsDelimiter(char c) => c is ' ' or '\t' or '\r' or '\n' or '(' or ')' or '"' or ';';

    private static int SkipBlockComment(string source, int i, ref int line)
    {
        var startLine = line;
        var depth = 0;
        while (i < source.Length)
        {
            if (source[i] == '(' && Peek(source, i + 1) == ';')
            {
                depth++;
                i += 2;
            }
            else if (source[i] == ';' && Peek(source, i + 1) == ')')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                if (source[i] == '\n')
                {
                    line++;
                }

                i++;
            }
        }

        throw new WastSyntaxException(startLine, "unterminated block comment");
    }

    private static WastToken ReadString(string source, ref int i, ref int line)
    {
        var start = i;
        var startLine = line;
        var bytes = new List<byte>();
        Span<byte> utf8 = stackalloc byte[4];
        i++;
        while (true)
        {
            if (i >= source.Length)
            {
                throw new WastSyntaxException(startLine, "unterminated string");
            }

            var c = source[i];
            if (c == '"')
            {
                i++;
                break;
            }

            if (c == '\n')
            {
                throw new WastSyntaxException(line, "newline in string");
            }

            if (c != '\\')
            {
                var rune = Rune.GetRuneAt(source, i);
                var n = rune.EncodeToUtf8(utf8);
                for (var k = 0; k < n; k++)
                {
                    bytes.Add(utf8[k]);
                }

                i += rune.Utf16SequenceLength;
                continue;
            }

            i++;
            var e = Peek(source, i);
            switch (e)
            {
                case 'n': bytes.Add((byte)'\n'); i++; break;
                case 't': bytes.Add((byte)'\t'); i++; break;
                case 'r': bytes.Add((byte)'\r'); i++; break;
                case '\\': bytes.Add((byte)'\\'); i++; break;
                case '\'': bytes.Add((byte)'\''); i++; break;
                case '"': bytes.Add((byte)'"'); i++; break;
                case 'u' when Peek(source, i + 1) == '{':
                    var close = source.IndexOf('}', i);
                    if (close < 0 || !uint.TryParse(source.AsSpan(i + 2, close - i - 2), System.Globalization.NumberStyles.HexNumber, null, out var cp)
                        || !Rune.IsValid(cp))
                    {
                        throw new WastSyntaxException(line, "bad unicode escape in string");
                    }

                    var len = new Rune(cp).EncodeToUtf8(utf8);
                    for (var k = 0; k < len; k++)
                    {
                        bytes.Add(utf8[k]);
                    }

                    i = close + 1;
                    break;
                default:
                    if (Uri.IsHexDigit(e) && Uri.IsHexDigit(Peek(source, i + 1)))
                    {
                        bytes.Add((byte)((Uri.FromHex(e) << 4) | Uri.FromHex(source[i + 1])));
                        i += 2;
                        break;
                    }

                    throw new WastSyntaxException(line, $"bad escape '\\{e}' in string");
            }
        }

        return new WastToken(WastTokenKind.String, source[start..i], startLine, start, i, [.. bytes]);
    }
}
