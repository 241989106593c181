using System.Net;
using System.Net.Http.Json;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Security;

namespace WasmBench.Integration.Tests.Host;

/// <summary>
/// The second line of defence: a workload that prints the service's API token (it cannot read it
/// in the sandbox; here it carries it in its own data) gets a stored result without it.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class SecretScrubbingTests(ServiceFixture service)
{
    [Fact]
    public async Task A_workload_that_prints_the_token_is_stored_without_it()
    {
        var folder = WatWorkload.Printing(Path.Combine(service.WorkloadsRoot, "leaky"), $"token: {ServiceFixture.Token}\n", "token: none\n");
        using var client = service.Client();

        var response = await client.PostAsJsonAsync("api/runs", new RunRequest(folder, ["interp"], 1, "leak"), WasmBenchJson.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<StoredRun>(WasmBenchJson.Options))!;
        var report = await service.WaitForRunAsync(created.Id, TimeSpan.FromMinutes(2));

        // The mismatch names the line it saw, with the token replaced.
        var pair = Assert.Single(report.Pairs);
        Assert.Equal(OutputVerdict.Mismatched, pair.Output);
        Assert.Contains($"token: {SecretScrubber.Marker}", pair.Error, StringComparison.Ordinal);
        var json = await client.GetStringAsync($"api/runs/{created.Id}");
        var html = await client.GetStringAsync($"runs/{created.Id}");
        Assert.DoesNotContain(ServiceFixture.Token, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ServiceFixture.Token, html, StringComparison.Ordinal);
        Assert.Contains(SecretScrubber.Marker, html, StringComparison.Ordinal);
    }
}
