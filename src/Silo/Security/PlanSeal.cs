using System.Security.Cryptography;
using System.Text.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;

namespace WasmBench.Silo.Security;

/// <summary>
/// The planner's signature on the work it planned. <see cref="Planning.RunService"/> seals each
/// run's tasks, the run and queue grains refuse tasks without a valid seal, and the queue seals
/// the results it hands to a run: a cluster peer that calls the grains directly cannot queue a
/// task that no run planned, nor store a result that no lease completed. The key (HMAC-SHA256)
/// lives owner-only next to the coordinator's database, which every coordinator shares.
/// </summary>
public sealed class PlanSeal(byte[] key)
{
    public const string KeyFileName = "plan-seal.key";

    /// <summary>Reads the key file, creating it (32 random bytes, owner-only) when missing.</summary>
    public static PlanSeal FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var stream = new FileStream(path, options);
                stream.Write(RandomNumberGenerator.GetBytes(32));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another coordinator created it first: use theirs.
            }
        }

        var key = File.ReadAllBytes(path);
        return key.Length >= 32 ? new PlanSeal(key) : throw new InvalidOperationException($"the plan seal key {path} is shorter than 32 bytes");
    }

    /// <summary>The key as text in the forms a leak would take (base64, hex), for <see cref="SecretScrubber"/>.</summary>
    public IEnumerable<string> KeyAsText => [Convert.ToBase64String(key), Convert.ToHexString(key), Convert.ToHexStringLower(key)];

    public string Seal(IReadOnlyList<WorkTask> tasks) => Sign("tasks", JsonSerializer.SerializeToUtf8Bytes(tasks, WasmBenchJson.Options));

    public bool IsSealed(IReadOnlyList<WorkTask> tasks, string? seal) => Verify(Seal(tasks), seal);

    public string Seal(TaskResult result) => Sign("result", JsonSerializer.SerializeToUtf8Bytes(result, WasmBenchJson.Options));

    public bool IsSealed(TaskResult result, string? seal) => Verify(Seal(result), seal);

    private string Sign(string purpose, byte[] content)
    {
        using var hmac = new HMACSHA256(key);
        hmac.TransformBlock(System.Text.Encoding.UTF8.GetBytes(purpose + "\n"), 0, purpose.Length + 1, null, 0);
        hmac.TransformFinalBlock(content, 0, content.Length);
        return Convert.ToBase64String(hmac.Hash!);
    }

    private static bool Verify(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(given));
}
