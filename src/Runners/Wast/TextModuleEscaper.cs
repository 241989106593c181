using System.Text;

namespace WasmBench.Runners.Wast;

/// <summary>
/// Rewrites a text module so the <c>wat</c> crate's "likely-confusing unicode character" lint
/// (bidi controls in strings and comments) cannot reject a valid module: non-ASCII characters in
/// strings become <c>\u{...}</c> escapes (the same bytes), and in comments become spaces.
/// </summary>
public static class TextModuleEscaper
{
    public static string Escape(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 64);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\' && i + 1 < text.Length)
                {
                    sb.Append(c).Append(text[++i]);
                    continue;
                }

                if (c == '"')
                {
                    inString = false;
                }

                if (c < 0x80)
                {
                    sb.Append(c);
                    continue;
                }

                var rune = Rune.GetRuneAt(text, i);
                sb.Append("\\u{").Append(rune.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('}');
                i += rune.Utf16SequenceLength - 1;
                continue;
            }

            if (c == ';' && i + 1 < text.Length && text[i + 1] == ';')
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                AppendComment(sb, text.AsSpan(i, end - i));
                i = end - 1;
                continue;
            }

            if (c == '(' && i + 1 < text.Length && text[i + 1] == ';')
            {
                var end = BlockCommentEnd(text, i);
                AppendComment(sb, text.AsSpan(i, end - i));
                i = end - 1;
                continue;
            }

            if (c == '"')
            {
                inString = true;
            }

            sb.Append(c < 0x80 ? c : ' ');
        }

        return sb.ToString();
    }

    private static void AppendComment(StringBuilder sb, ReadOnlySpan<char> comment)
    {
        foreach (var c in comment)
        {
            sb.Append(c < 0x80 ? c : ' ');
        }
    }

    private static int BlockCommentEnd(string text, int start)
    {
        var depth = 0;
        for (var i = start; i + 1 < text.Length; i++)
        {
            if (text[i] == '(' && text[i + 1] == ';')
            {
                depth++;
                i++;
            }
            else if (text[i] == ';' && text[i + 1] == ')')
            {
                depth--;
                i++;
                if (depth == 0)
                {
                    return i + 1;
                }
            }
        }

        return text.Length;
    }
}
