namespace WasmBench.Runners.Spec;

/// <summary>Minimal glob matching: <c>*</c> (any run of characters but '/'), <c>**</c> (any run), <c>?</c> (one character).</summary>
public static class Glob
{
    public static bool Matches(string pattern, string text) => Match(pattern, 0, text, 0);

    private static bool Match(string p, int pi, string t, int ti)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            if (c == '*')
            {
                var any = pi + 1 < p.Length && p[pi + 1] == '*';
                var next = pi + (any ? 2 : 1);
                for (var k = ti; k <= t.Length; k++)
                {
                    if (Match(p, next, t, k))
                    {
                        return true;
                    }

                    if (k < t.Length && t[k] == '/' && !any)
                    {
                        return false;
                    }
                }

                return false;
            }

            if (ti >= t.Length || (c != '?' && c != t[ti]))
            {
                return false;
            }

            pi++;
            ti++;
        }

        return ti == t.Length;
    }
}
