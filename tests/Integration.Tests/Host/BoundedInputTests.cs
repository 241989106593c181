using System.Net;
using System.Net.Http.Json;
using System.Text;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Silo.Api;

namespace WasmBench.Integration.Tests.Host;

/// <summary>
/// What an HTTP caller can send the real service: bounded fields, errors that quote at most 200
/// characters and no server file, suite paths only under the suite roots, a JSON body on every 400,
/// and only the service's own host names.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class BoundedInputTests(ServiceFixture service)
{
    [Fact]
    public async Task A_label_of_201_characters_is_400_quoting_only_200()
    {
        var label = new string('L', 201);

        var error = await RefusedAsync(new RunRequest("smoke", ["interp"], 1, label));

        Assert.Contains(new string('L', 200), error, StringComparison.Ordinal);
        Assert.DoesNotContain(label, error, StringComparison.Ordinal);
        Assert.Contains("at most 200", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_of_200_characters_passes_the_guard()
    {
        // Refused for its engine, so the label was accepted (and nothing runs).
        var error = await RefusedAsync(new RunRequest("smoke", ["no-such-engine"], 1, new string('L', 200)));

        Assert.Contains("unknown or unavailable engine 'no-such-engine'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suite_name_of_1001_characters_is_400_quoting_only_200()
    {
        var suite = new string('s', 1001);

        var error = await RefusedAsync(new RunRequest(suite, ["interp"], 1));

        Assert.Contains("at most 1000", error, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('s', 201), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_suite_name_of_1000_characters_is_quoted_to_200()
    {
        var error = await RefusedAsync(new RunRequest(new string('s', 1000), ["interp"], 1));

        Assert.Contains("unknown suite", error, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('s', 201), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_10_MB_body_is_refused_as_too_large_and_stores_nothing()
    {
        using var client = service.Client();
        var before = (await client.GetFromJsonAsync<List<StoredRun>>("api/runs", WasmBenchJson.Options))!.Count;

        var response = await client.PostAsJsonAsync("api/runs", new RunRequest("smoke", ["interp"], 1, new string('L', 10_000_000)), WasmBenchJson.Options);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", (await ErrorOf(response)), StringComparison.Ordinal);
        Assert.Equal(before, (await client.GetFromJsonAsync<List<StoredRun>>("api/runs", WasmBenchJson.Options))!.Count);
    }

    [Theory]
    [InlineData(RunKind.Spec, "/etc/passwd")]
    [InlineData(RunKind.Spec, "suites/../../../../../../etc/passwd")]
    [InlineData(RunKind.Benchmark, "/etc/passwd")]
    [InlineData(RunKind.Benchmark, "/etc")]
    public async Task A_suite_path_outside_the_roots_is_refused_without_reading_it(RunKind kind, string suite)
    {
        var error = await RefusedAsync(new RunRequest(suite, [], Kind: kind));

        Assert.Contains("is not under a suite root", error, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_inside_a_root_that_leaves_it_is_refused()
    {
        var link = Path.Combine(service.WorkloadsRoot, "etc-link");
        if (!Path.Exists(link))
        {
            File.CreateSymbolicLink(link, "/etc");
        }

        var error = await RefusedAsync(new RunRequest(Path.Combine(link, "passwd"), [], Kind: RunKind.Spec));

        Assert.Contains("is not under a suite root", error, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_testsuite_outside_the_roots_is_refused()
    {
        var error = await RefusedAsync(new RunRequest("wasm-2.0", ["interp"], Kind: RunKind.Spec, Testsuite: "/usr/share"));

        Assert.Contains("the testsuite '/usr/share' is not under a suite root", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suite_path_under_the_suites_folder_passes_the_guard()
    {
        var error = await RefusedAsync(new RunRequest(Path.Combine(ServiceFixture.SuitesFolder, "smoke.suite"), ["no-such-engine"], 1));

        Assert.Contains("unknown or unavailable engine 'no-such-engine'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"suite\": \"smoke\",")]
    [InlineData("not json at all")]
    [InlineData("{\"suite\": 5}")]
    [InlineData("")]
    public async Task A_malformed_body_is_400_with_a_json_error(string body)
    {
        using var client = service.Client();

        var response = await client.PostAsync("api/runs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the body is not a JSON run request", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/runs?limit=lots", HttpStatusCode.BadRequest, "malformed")]
    [InlineData("api/runs/abc", HttpStatusCode.BadRequest, "a run id is a positive whole number, not 'abc'")]
    [InlineData("api/runs/-3", HttpStatusCode.BadRequest, "a run id is a positive whole number")]
    [InlineData("api/runs/abc/statistics", HttpStatusCode.BadRequest, "a run id is a positive whole number, not 'abc'")]
    [InlineData("api/runs/99999999999999999999999/statistics", HttpStatusCode.BadRequest, "a run id is a positive whole number")]
    [InlineData("api/runs/987654/statistics", HttpStatusCode.NotFound, "run 987654 does not exist")]
    [InlineData("api/compare/987654/987655", HttpStatusCode.NotFound, "there is no run 987654")]
    [InlineData("api/compare/1/1?threshold=lots", HttpStatusCode.BadRequest, "lots")]
    [InlineData("api/no-such-endpoint", HttpStatusCode.NotFound, "there is no such API endpoint")]
    public async Task A_bad_read_is_answered_with_a_json_error(string url, HttpStatusCode status, string expected)
    {
        using var client = service.Client();

        var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, await ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compared_label_over_200_characters_is_400_quoting_only_200()
    {
        using var client = service.Client();

        var response = await client.GetAsync($"api/compare/{new string('c', 5000)}/1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Contains("at most 200 characters", error, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('c', 201), error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/runs")]
    [InlineData("")]
    public async Task A_host_name_that_is_not_the_services_is_refused(string path)
    {
        using var client = service.Client();
        using var rebound = new HttpRequestMessage(HttpMethod.Get, path);
        rebound.Headers.Host = $"rebind.attacker.example:{service.BaseAddress.Port}";

        var response = await client.SendAsync(rebound);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not answer to the host 'rebind.attacker.example'", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task A_loopback_host_name_is_answered(string host)
    {
        using var client = service.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/runs");
        request.Headers.Host = $"{host}:{service.BaseAddress.Port}";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> RefusedAsync(RunRequest request)
    {
        using var client = service.Client();
        var response = await client.PostAsJsonAsync("api/runs", request, WasmBenchJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await ErrorOf(response);
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.Content.ReadFromJsonAsync<ApiError>(WasmBenchJson.Options);
        Assert.False(string.IsNullOrEmpty(error?.Error), "the 4xx body has no error");
        return error!.Error;
    }
}
