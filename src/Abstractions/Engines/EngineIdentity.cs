using System.Text.Json.Serialization;

namespace WasmBench.Abstractions.Engines;

/// <summary>
/// Which engine build produced a result: the family (<c>wasmtime</c>), the variant — its tier or
/// flags (<c>opt=none</c>; empty for the default) —, the version, and a fingerprint of the build
/// (two builds of one version are two engines). One value that every result carries, from the
/// measuring child to the store, the files and the pages, and that every layer prints the same way
/// (<see cref="ToString"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EngineIdentity(
    [property: Id(0)] string Family,
    [property: Id(1)] string Variant,
    [property: Id(2)] string Version,
    [property: Id(3)] string Build = "")
{
    /// <summary>The engine as users type it and the catalog finds it: <c>wasmtime</c> or <c>wasmtime:opt=none</c>.</summary>
    [JsonIgnore]
    public string Id => Variant.Length == 0 ? Family : $"{Family}:{Variant}";

    /// <summary>The identity of an engine id this node could not resolve.</summary>
    public static EngineIdentity Unknown(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new(id, "", "unknown") : new(id[..colon], id[(colon + 1)..], "unknown");
    }

    /// <summary><c>wasmtime:opt=none 50.0.1</c>, with the build when there is one: <c>interp 0.1.0 (build 3f2a9c01d4e5)</c>.</summary>
    public override string ToString() => Build.Length == 0 ? $"{Id} {Version}" : $"{Id} {Version} (build {Build})";
}
