using System.Text;

namespace WasmBench.Interpreter.Binary;

/// <summary>A cursor over module bytes: LEB128 with the spec's size and range limits.</summary>
internal sealed class WasmReader(byte[] bytes, int start, int end)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public WasmReader(byte[] bytes) : this(bytes, 0, bytes.Length)
    {
    }

    public byte[] Bytes { get; } = bytes;

    public int Pos { get; set; } = start;

    public int End { get; set; } = end;

    public bool AtEnd => Pos >= End;

    public byte Byte()
    {
        if (Pos >= End)
        {
            throw Fail.Malformed("unexpected end");
        }

        return Bytes[Pos++];
    }

    public byte Peek() => Pos < End ? Bytes[Pos] : throw Fail.Malformed("unexpected end");

    public uint U32() => (uint)UnsignedLeb(32);

    /// <summary>An unsigned 64-bit LEB128 (memory64 limits and offsets).</summary>
    public ulong U64() => UnsignedLeb(64);

    /// <summary>An unsigned LEB128 of at most <paramref name="bits"/> bits, with the spec's length and unused-bit checks.</summary>
    private ulong UnsignedLeb(int bits)
    {
        var lastShift = 7 * ((bits - 1) / 7);
        var unused = 0x7F & ~((1 << (bits - lastShift)) - 1);
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = Byte();
            if (shift == lastShift)
            {
                if ((b & 0x80) != 0)
                {
                    throw Fail.Malformed("integer representation too long");
                }

                if ((b & unused) != 0)
                {
                    throw Fail.Malformed("integer too large");
                }
            }

            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
    }

    public int S32() => (int)SignedLeb(32);

    public long S64() => SignedLeb(64);

    /// <summary>A signed LEB of <paramref name="bits"/> bits (33 for block types).</summary>
    public long SignedLeb(int bits)
    {
        long result = 0;
        var shift = 0;
        var maxBytes = (bits + 6) / 7;
        for (var i = 0; ; i++)
        {
            var b = Byte();
            if (i == maxBytes - 1)
            {
                if ((b & 0x80) != 0)
                {
                    throw Fail.Malformed("integer representation too long");
                }

                // The unused bits of the last byte must all equal the sign bit.
                var used = bits - shift; // bits still meaningful in this byte (1..7)
                var rest = (b & 0x7F) >> (used - 1);
                if (rest != 0 && rest != (0x7F >> (used - 1)))
                {
                    throw Fail.Malformed("integer too large");
                }
            }

            result |= (long)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                if (shift < 64 && (b & 0x40) != 0)
                {
                    result |= -1L << shift;
                }

                return result;
            }
        }
    }

    public uint Fixed32()
    {
        if (End - Pos < 4)
        {
            throw Fail.Malformed("unexpected end");
        }

        var v = BitConverter.ToUInt32(Bytes, Pos);
        Pos += 4;
        return v;
    }

    public ulong Fixed64()
    {
        if (End - Pos < 8)
        {
            throw Fail.Malformed("unexpected end");
        }

        var v = BitConverter.ToUInt64(Bytes, Pos);
        Pos += 8;
        return v;
    }

    public ReadOnlySpan<byte> Take(uint count)
    {
        if ((ulong)count > (ulong)(End - Pos))
        {
            throw Fail.Malformed("unexpected end of section or function");
        }

        var span = new ReadOnlySpan<byte>(Bytes, Pos, (int)count);
        Pos += (int)count;
        return span;
    }

    public string Name()
    {
        var len = U32();
        var span = Take(len);
        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw Fail.Malformed("malformed UTF-8 encoding");
        }
    }
}
