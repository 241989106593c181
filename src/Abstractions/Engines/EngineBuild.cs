using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace WasmBench.Abstractions.Engines;

/// <summary>Build fingerprints for <see cref="EngineIdentity.Build"/>: 12 hex digits of a SHA-256.</summary>
public static class EngineBuild
{
    /// <summary>The fingerprint of an assembly file: it changes with every build whose code changed (builds are deterministic).</summary>
    public static string OfAssembly(Assembly assembly)
    {
        try
        {
            using var file = File.OpenRead(assembly.Location);
            return Convert.ToHexStringLower(SHA256.HashData(file), 0, 6);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "";
        }
    }

    /// <summary>The fingerprint of what defines a build that is not an assembly (a compiler's path, version and flags).</summary>
    public static string Of(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))), 0, 6);

    /// <summary>
    /// An in-process engine's version: its own version number and the source revision its assembly
    /// was built from (the SDK writes it into the informational version), e.g. <c>0.1.0+10da70e5c1d2</c>.
    /// </summary>
    public static string VersionOf(Assembly assembly, string version)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+', 2) is [_, { Length: > 0 } revision] ? $"{version}+{revision[..Math.Min(12, revision.Length)]}" : version;
    }
}
