using System.Text;

namespace WasmBench.Runners.Engines.Wasmtime;

/// <summary>A forward reader over wasm bytes: LEB128 integers, names, limits, constant expressions.</summary>
internal ref struct WasmByteReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public int Position { get; set; }

    public readonly bool AtEnd => Position >= _bytes.Length;

    public readonly byte Peek() => _bytes[Position];

    public byte Byte() => _bytes[Position++];

    public uint U32() => (uint)U64();

    public ulong U64()
    {
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            var b = Byte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }

            shift += 7;
            if (shift > 63)
            {
                throw new FormatException("LEB128 too long");
            }
        }
    }

    public long S33()
    {
        long result = 0;
        var shift = 0;
        byte b;
        do
        {
            b = Byte();
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0 && shift < 64);

        if (shift < 64 && (b & 0x40) != 0)
        {
            result |= -1L << shift;
        }

        return result;
    }

    public string Name()
    {
        var length = (int)U32();
        var name = Encoding.UTF8.GetString(_bytes.Slice(Position, length));
        Position += length;
        return name;
    }

    public void SkipLimits()
    {
        var flags = Byte();
        U64();
        if ((flags & 1) != 0)
        {
            U64();
        }

        if ((flags & 8) != 0)
        {
            U32();
        }
    }

    /// <summary>Skips a constant expression up to its final <c>end</c>, decoding immediates of the constant instructions.</summary>
    public void SkipConstExpr()
    {
        while (true)
        {
            var op = Byte();
            switch (op)
            {
                case 0x0B:
                    return;
                case 0x41 or 0x42 or 0x23 or 0xD2:
                    S33Wide();
                    break;
                case 0x43:
                    Position += 4;
                    break;
                case 0x44:
                    Position += 8;
                    break;
                case 0xD0:
                    S33();
                    break;
                case 0xFD:
                    U32();
                    Position += 16;
                    break;
                case 0xFB:
                    SkipGcConst();
                    break;
                default:
                    break;
            }
        }
    }

    private void S33Wide()
    {
        while ((Byte() & 0x80) != 0)
        {
        }
    }

    private void SkipGcConst()
    {
        var sub = U32();
        switch (sub)
        {
            case 0 or 1 or 6 or 7:
                U32();
                break;
            case 8:
                U32();
                U32();
                break;
            default:
                break;
        }
    }
}
