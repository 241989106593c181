namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>
/// Tells decoding errors (malformed) from validation errors (invalid) in Wasmtime's compile
/// messages. wasmparser reports both as one error type, so its message decides: these are the
/// fragments of wasmparser's binary-reader (decoding) errors, checked against every
/// <c>assert_malformed</c> and <c>assert_invalid</c> binary module of the 2.0 and 3.0 suites.
/// Anything else is a validation error.
/// </summary>
internal static class WasmparserMessages
{
    private static readonly string[] DecodeFragments =
    [
        "malformed",
        "unexpected end",
        "integer too large",
        "integer representation too long",
        "section out of order",
        "section size mismatch",
        "invalid leading byte",
        "zero byte expected",
        "control frames remain at end of function body",
        "inconsistent lengths",
        "limits flags",
        "data count section required",
        "too many locals",
        "function section is absent",
        "code section is absent",
        "data section is absent",
        "illegal opcode",
        "unknown binary version",
        "magic",
        "require the shared-everything-threads proposal",
        "threads must be enabled for shared",
        "invalid utf-8",
        "unexpected content after last section",
        "invalid section",
        "unknown section",
        "trailing bytes",
        "end opcode expected",
        "invalid value type",
    ];

    public static bool IsDecodeError(string message)
    {
        foreach (var fragment in DecodeFragments)
        {
            if (message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
