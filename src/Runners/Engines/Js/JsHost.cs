using System.Text.Json;
using System.Text.Json.Serialization;
using WasmBench.Runners.Sandbox;

namespace WasmBench.Runners.Engines.Js;

/// <summary>One benchmark iteration as the host answers it.</summary>
internal sealed record JsIterationReply(
    [property: JsonPropertyName("ok")] bool Ok,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("compileNs")] long CompileNs,
    [property: JsonPropertyName("instantiateNs")] long InstantiateNs,
    [property: JsonPropertyName("executeNs")] long ExecuteNs,
    [property: JsonPropertyName("stdout")] string? Stdout,
    [property: JsonPropertyName("stderr")] string? Stderr);

/// <summary>The host's first line: which engine it runs in and its version.</summary>
internal sealed record JsReady(
    [property: JsonPropertyName("ready")] bool Ready,
    [property: JsonPropertyName("engine")] string? Engine,
    [property: JsonPropertyName("version")] string? Version);

/// <summary>
/// The JS host program (<c>js/wasmbench-host.js</c> next to this assembly) started in a shell as
/// a <see cref="LineProtocolChild"/>: JSON requests in, one JSON line per answer.
/// </summary>
internal sealed class JsHost : IDisposable
{
    /// <summary>Start-up and compilation + instantiation allowance (the execution deadline is the task's).</summary>
    public static readonly TimeSpan SetupAllowance = TimeSpan.FromSeconds(60);

    private readonly LineProtocolChild _child;

    private JsHost(LineProtocolChild child) => _child = child;

    /// <summary>The host script's path in the build output.</summary>
    public static string ScriptPath { get; } = Path.Combine(AppContext.BaseDirectory, "js", "wasmbench-host.js");

    public string Stderr => _child.Stderr;

    public int? ExitCode => _child.ExitCode;

    /// <summary>
    /// Starts the host sandboxed (the shell's own files and where its link on PATH leads, the host script and the workload
    /// folder read-only, a scratch folder) for at most <paramref name="lifetime"/>, and waits for its
    /// ready line; the error says why it did not come.
    /// </summary>
    public static async Task<(JsHost? Host, JsReady? Ready, string? Error)> StartAsync(
        string executable, JsVariant variant, string? workloadFolder, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (!File.Exists(ScriptPath))
        {
            return (null, null, $"the JS host {ScriptPath} is missing from the build output");
        }

        var scratch = Path.Combine(Path.GetTempPath(), $"wasmbench-js-{Guid.NewGuid():N}");
        var launch = new ChildLaunch(executable, [.. variant.EngineArgs, ScriptPath], workloadFolder is null ? null : Path.GetFullPath(workloadFolder), scratch, SandboxLimits.Tool, lifetime)
        {
            ReadOnlyPaths = [Path.GetDirectoryName(ScriptPath)!],
        };
        LineProtocolChild child;
        try
        {
            var (started, refused) = await LineProtocolChild.StartAsync(launch);
            if (started is null)
            {
                return (null, null, refused);
            }

            child = started;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, null, $"{executable} did not start: {e.Message}");
        }

        var host = new JsHost(child);
        var reply = await child.ReadLineAsync(SetupAllowance, cancellationToken);
        var ready = reply.Line is { } line ? Parse<JsReady>(line) : null;
        if (ready is not { Ready: true })
        {
            var why = reply.TimedOut ? "did not start within 60 s" : $"exited (code {child.ExitCode}) before it was ready";
            host.Dispose();
            return (null, null, $"the JS host in {executable} {why}: {Tail(host.Stderr)}");
        }

        return (host, ready, null);
    }

    public Task SendAsync(object request, CancellationToken cancellationToken) =>
        _child.SendAsync(JsonSerializer.Serialize(request), cancellationToken);

    public Task<LineReply> ReadAsync(TimeSpan timeout, CancellationToken cancellationToken) => _child.ReadLineAsync(timeout, cancellationToken);

    public void Dispose() => _child.Dispose();

    public static T? Parse<T>(string line)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Tail(string text) => text.Length <= 2000 ? text.Trim() : text[^2000..].Trim();
}
