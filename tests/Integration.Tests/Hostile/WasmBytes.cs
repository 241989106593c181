namespace WasmBench.Integration.Tests.Hostile;

/// <summary>A module too large to write as WAT: made byte by byte, streamed to its file.</summary>
public static class WasmBytes
{
    /// <summary>A valid WASI command whose memory holds one active data segment of <paramref name="bytes"/> bytes (a pattern, not zeros) and whose <c>_start</c> returns.</summary>
    public static void WriteWithDataSegment(string path, int bytes)
    {
        using var file = new BufferedStream(File.Create(path), 1 << 20);
        file.Write([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
        Section(file, 1, [0x01, 0x60, 0x00, 0x00]); // one type: [] -> []
        Section(file, 3, [0x01, 0x00]); // one function of type 0
        var pages = (uint)((bytes + 65535L) / 65536);
        Section(file, 5, [0x01, 0x00, .. Leb(pages)]); // one memory, min only
        Section(file, 7, [0x02, .. Name("memory"), 0x02, 0x00, .. Name("_start"), 0x00, 0x00]);
        Section(file, 10, [0x01, 0x02, 0x00, 0x0b]); // an empty body
        byte[] head = [0x01, 0x00, 0x41, 0x00, 0x0b, .. Leb((uint)bytes)]; // one active segment at offset 0
        file.WriteByte(11);
        file.Write(Leb((uint)(head.Length + bytes)));
        file.Write(head);
        var block = new byte[1 << 20];
        for (var i = 0; i < block.Length; i++)
        {
            block[i] = (byte)(i % 251);
        }

        for (var left = bytes; left > 0; left -= block.Length)
        {
            file.Write(block, 0, Math.Min(left, block.Length));
        }
    }

    private static void Section(Stream file, byte id, byte[] content)
    {
        file.WriteByte(id);
        file.Write(Leb((uint)content.Length));
        file.Write(content);
    }

    private static byte[] Name(string name) => [.. Leb((uint)name.Length), .. System.Text.Encoding.UTF8.GetBytes(name)];

    private static byte[] Leb(uint value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }
}
