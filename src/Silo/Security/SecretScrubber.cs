using WasmBench.Abstractions.Results;

namespace WasmBench.Silo.Security;

/// <summary>
/// The second line of defence behind the sandbox: every text a result brings to the store (an
/// error, a mismatched output line, a spec failure) has each configured secret of the service (the
/// API token, the plan-seal key) replaced by <see cref="Marker"/> before it is written, so that a
/// workload that somehow learned one cannot publish it through GET /api/runs or the run page.
/// </summary>
public sealed class SecretScrubber
{
    public const string Marker = "[secret removed]";

    /// <summary>Shorter values are not secrets worth the name and would blank ordinary text.</summary>
    public const int MinimumLength = 8;

    private readonly string[] _secrets;

    public SecretScrubber(IEnumerable<string?> secrets) =>
        _secrets = [.. secrets.OfType<string>().Where(s => s.Length >= MinimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    public static SecretScrubber None { get; } = new([]);

    public string? Scrub(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Marker, StringComparison.Ordinal);
        }

        return text;
    }

    public TaskResult Scrub(TaskResult result) => _secrets.Length == 0 ? result : result with
    {
        Workload = Scrub(result.Workload)!,
        Error = Scrub(result.Error),
        Spec = result.Spec is { } spec ? spec with
        {
            File = Scrub(spec.File)!,
            Failures = [.. spec.Failures.Select(f => f with { Command = Scrub(f.Command)!, Expected = Scrub(f.Expected), Actual = Scrub(f.Actual), Message = Scrub(f.Message) })],
        } : null,
    };
}
