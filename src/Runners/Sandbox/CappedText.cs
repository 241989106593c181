using System.Text;

namespace WasmBench.Runners.Sandbox;

/// <summary>Reads a stream to its end, keeping at most <c>limit</c> bytes and noting how much more there was.</summary>
internal static class CappedText
{
    public static async Task<(string Text, long Dropped)> ReadAsync(Stream stream, long limit)
    {
        var kept = new MemoryStream();
        var buffer = new byte[81920];
        long dropped = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            var room = (int)Math.Min(read, Math.Max(0, limit - kept.Length));
            kept.Write(buffer, 0, room);
            dropped += read - room;
        }

        var text = Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
        return (dropped == 0 ? text : text + $"\n[output truncated: {dropped} more bytes beyond the {limit}-byte cap]\n", dropped);
    }
}
