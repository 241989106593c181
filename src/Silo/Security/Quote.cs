namespace WasmBench.Silo.Security;

/// <summary>Quotes what an error rejects: at most the first 200 characters, never more.</summary>
public static class Quote
{
    public const int MaxQuoted = 200;

    public static string Short(string? text)
    {
        if (text is null)
        {
            return "''";
        }

        return text.Length <= MaxQuoted ? $"'{text}'" : $"'{text[..MaxQuoted]}...' ({text.Length} characters)";
    }
}
