using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Api;

namespace WasmBench.Silo.Cli;

/// <summary>Runs on a service through its HTTP API (`run --server URL`).</summary>
public sealed class RemoteRunBackend(HttpClient http) : IRunBackend
{
    public static RemoteRunBackend Create(string server)
    {
        var http = new HttpClient { BaseAddress = new Uri(server.TrimEnd('/') + "/") };
        if (Environment.GetEnvironmentVariable(ServeCommand.TokenVariable) is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return new RemoteRunBackend(http);
    }

    public async Task<Result<StoredRun>> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/runs", request, WasmBenchJson.Options, cancellationToken);
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
        using var response = await http.GetAsync($"api/runs/{runId}", cancellationToken);
        return response.StatusCode == HttpStatusCode.NotFound
            ? null
            : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<RunReport>(WasmBenchJson.Options, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}
