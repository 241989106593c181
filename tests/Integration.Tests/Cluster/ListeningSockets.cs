using System.Globalization;
using System.Net;

namespace WasmBench.Integration.Tests.Cluster;

/// <summary>The addresses this machine listens on for a TCP port, read from /proc/net/tcp and tcp6.</summary>
public static class ListeningSockets
{
    private const string Listen = "0A";

    public static IReadOnlyList<IPAddress> For(int port)
    {
        var found = new List<IPAddress>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] == Listen && int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    found.Add(Parse(local[0]));
                }
            }
        }

        return found;
    }

    /// <summary>/proc writes each 32-bit word of the address in host (little-endian) order.</summary>
    private static IPAddress Parse(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var i = 0; i < bytes.Length; i += 4)
        {
            Array.Reverse(bytes, i, 4);
        }

        return new IPAddress(bytes);
    }
}
