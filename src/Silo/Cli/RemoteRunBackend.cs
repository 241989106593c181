using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Api;

namespace WasmBench.Silo.Cli;

/// <summary>
/// Runs on a service through its HTTP API (`run --server URL`). While the service does not answer
/// (refused, reset, timed out, 5xx) it asks again with back-off, saying so once on
/// <paramref name="notices"/>; after <paramref name="stall"/> without an answer, or without the
/// run moving, it gives up with <see cref="RunAbandonedException"/>.
/// </summary>
public sealed class RemoteRunBackend(HttpClient http, TimeSpan stall, TextWriter notices) : IRunBackend
{
    /// <summary>The default of <c>--stall-timeout</c>, in seconds.</summary>
    public const int DefaultStallSeconds = 300;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);

    private (long RunId, int Finished, DateTime Since)? _progress;

    public static RemoteRunBackend Create(string server, TimeSpan stall, TextWriter notices)
    {
        // One request never waits longer than the whole patience (nor than 30 s, so a hung service is asked again).
        var http = new HttpClient { BaseAddress = new Uri(server.TrimEnd('/') + "/"), Timeout = stall < TimeSpan.FromSeconds(30) ? stall : TimeSpan.FromSeconds(30) };
        if (Environment.GetEnvironmentVariable(ServeCommand.TokenVariable) is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return new RemoteRunBackend(http, stall, notices);
    }

    public async Task<Result<StoredRun>> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        // Only a refused connection is asked again: a request that may have arrived could start a second run.
        using var response = await AnsweredAsync(
            () => http.PostAsJsonAsync("api/runs", request, WasmBenchJson.Options, cancellationToken), idempotent: false, "the run was not started", cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            var error = await response.Content.ReadFromJsonAsync<ApiError>(WasmBenchJson.Options, cancellationToken);
            return Result<StoredRun>.Failure(error?.Error ?? response.ReasonPhrase ?? response.StatusCode.ToString());
        }

        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<StoredRun>(WasmBenchJson.Options, cancellationToken);
        return created is null ? Result<StoredRun>.Failure($"{http.BaseAddress} answered the run with an empty body") : Result<StoredRun>.Success(created);
    }

    public async Task<RunReport?> GetReportAsync(long runId, CancellationToken cancellationToken)
    {
        using var response = await AnsweredAsync(() => http.GetAsync($"api/runs/{runId}", cancellationToken), idempotent: true, $"gave up waiting for run {runId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // A service started again on another database: waiting longer cannot help.
            throw new RunAbandonedException($"the service at {http.BaseAddress} does not know run {runId} (any more); gave up waiting for it");
        }

        var report = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<RunReport>(WasmBenchJson.Options, cancellationToken);
        if (report is { Run.IsFinished: false } unfinished)
        {
            var now = DateTime.UtcNow;
            if (_progress is not { } last || last.RunId != runId || last.Finished != unfinished.Run.FinishedTasks)
            {
                _progress = (runId, unfinished.Run.FinishedTasks, now);
            }
            else if (now - last.Since > stall)
            {
                throw new RunAbandonedException(
                    $"run {runId} on {http.BaseAddress} has not moved for {stall.TotalSeconds:0} s ({last.Finished}/{unfinished.Run.TotalTasks} tasks finished); gave up (--stall-timeout)");
            }
        }

        return report;
    }

    /// <summary>
    /// Sends until the service answers, asking again with back-off (saying so once) for at most the
    /// stall time: after a refused connection always; after a lost connection, a timeout or a 5xx
    /// only when the request is <paramref name="idempotent"/>.
    /// </summary>
    private async Task<HttpResponseMessage> AnsweredAsync(Func<Task<HttpResponseMessage>> send, bool idempotent, string abandoned, CancellationToken cancellationToken)
    {
        var since = DateTime.UtcNow;
        var wait = FirstRetry;
        var said = false;
        while (true)
        {
            string why;
            try
            {
                var response = await send();
                if ((int)response.StatusCode < 500 || !idempotent)
                {
                    if (said)
                    {
                        await notices.WriteLineAsync($"the service at {http.BaseAddress} answers again");
                    }

                    return response;
                }

                why = $"it answered {(int)response.StatusCode} {response.ReasonPhrase}";
                response.Dispose();
            }
            catch (HttpRequestException e) when (idempotent || e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                why = e.Message.TrimEnd('.');
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (!idempotent)
                {
                    // The request may have arrived: asking again could start a second run.
                    throw new RunAbandonedException($"the service at {http.BaseAddress} stopped answering while the run was being started ({e.Message.TrimEnd('.')}); it may have started: see its runs");
                }

                why = $"no answer within {http.Timeout.TotalSeconds:0} s";
            }

            var silent = DateTime.UtcNow - since;
            if (silent >= stall)
            {
                throw new RunAbandonedException($"the service at {http.BaseAddress} did not answer for {stall.TotalSeconds:0} s ({why}); {abandoned} (--stall-timeout)");
            }

            if (!said)
            {
                await notices.WriteLineAsync($"the service at {http.BaseAddress} does not answer ({why}); retrying");
                said = true;
            }

            await Task.Delay(wait < stall - silent ? wait : stall - silent, cancellationToken);
            wait = wait * 2 < MaxRetry ? wait * 2 : MaxRetry;
        }
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A client gave up on a service that did not answer, or on a run that did not move, for its stall time.</summary>
public sealed class RunAbandonedException(string message) : Exception(message);
