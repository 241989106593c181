using WasmBench.Runners.Engines.Wasmtime;

namespace WasmBench.Runners.Engines;

/// <summary>The module names a WebAssembly binary imports from (e.g. <c>bench</c>, <c>wasi_snapshot_preview1</c>).</summary>
public static class WasmImportModules
{
    private const byte ImportSection = 2;

    /// <summary>The distinct import module names, or null when the bytes are not a module this reader understands.</summary>
    public static IReadOnlySet<string>? Read(ReadOnlySpan<byte> bytes) => ReadInOrder(bytes) is { } names ? names.ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>The distinct import module names in the order they first appear, or null as for <see cref="Read"/>.</summary>
    public static IReadOnlyList<string>? ReadInOrder(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8 || !bytes[..4].SequenceEqual("\0asm"u8))
        {
            return null;
        }

        try
        {
            var reader = new WasmByteReader(bytes) { Position = 8 };
            while (!reader.AtEnd)
            {
                var id = reader.Byte();
                var size = (int)reader.U32();
                var end = reader.Position + size;
                if (id == ImportSection)
                {
                    return ReadImports(ref reader);
                }

                reader.Position = end;
            }

            return [];
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private static List<string> ReadImports(ref WasmByteReader reader)
    {
        var modules = new List<string>();
        var count = reader.U32();
        for (var i = 0; i < count; i++)
        {
            var module = reader.Name();
            if (!modules.Contains(module, StringComparer.Ordinal))
            {
                modules.Add(module);
            }

            reader.Name();
            switch (reader.Byte())
            {
                case 0: // function: type index
                    reader.U32();
                    break;
                case 1: // table: reference type, limits
                    SkipValueType(ref reader);
                    reader.SkipLimits();
                    break;
                case 2: // memory: limits
                    reader.SkipLimits();
                    break;
                case 3: // global: value type, mutability
                    SkipValueType(ref reader);
                    reader.Byte();
                    break;
                default: // tag: attribute, type index
                    reader.Byte();
                    reader.U32();
                    break;
            }
        }

        return modules;
    }

    private static void SkipValueType(ref WasmByteReader reader)
    {
        var type = reader.Byte();
        if (type is 0x63 or 0x64)
        {
            reader.S33();
        }
    }
}
