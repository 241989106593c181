using System.Net;
using System.Net.Sockets;

namespace WasmBench.Integration.Tests.Cluster;

/// <summary>A TCP port nobody listens on right now (the OS picks it).</summary>
public static class FreeTcpPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
