namespace WasmBench.Abstractions.Results;

/// <summary>
/// The machine a result was measured on. Two runs are only comparable at face value when
/// their fingerprints agree.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MachineFingerprint(
    [property: Id(0)] string Host,
    [property: Id(1)] string CpuModel,
    [property: Id(2)] int Cores,
    [property: Id(3)] string Os,
    [property: Id(4)] string Runtime)
{
    /// <summary>A stable short hash of everything but the host name.</summary>
    public string Hash
    {
        get
        {
            var text = $"{CpuModel}|{Cores}|{Os}|{Runtime}";
            var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
            return Convert.ToHexStringLower(bytes, 0, 6);
        }
    }
}
