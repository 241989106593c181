using System.Net;

namespace WasmBench.Silo.Hosting;

/// <summary>
/// Where a farm silo's Orleans endpoints (silo and gateway port) listen: loopback by default;
/// <c>any</c> (every interface, advertising this host's address) or one address only when asked.
/// </summary>
public sealed record ClusterListen(IPAddress? Address)
{
    public const string LoopbackName = "loopback";
    public const string AnyName = "any";

    public static ClusterListen Loopback { get; } = new(IPAddress.Loopback);

    /// <summary>Every interface; the advertised address is this host's.</summary>
    public static ClusterListen Any { get; } = new((IPAddress?)null);

    public bool IsLoopback => Address is not null && IPAddress.IsLoopback(Address);

    public static ClusterListen? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        LoopbackName => Loopback,
        AnyName => Any,
        var t when IPAddress.TryParse(t, out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any) => new ClusterListen(address),
        _ => null,
    };

    public override string ToString() => Address?.ToString() ?? AnyName;
}
