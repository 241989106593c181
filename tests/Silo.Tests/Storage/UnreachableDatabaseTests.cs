using System.Net;
using System.Net.Sockets;
using WasmBench.Silo.Cli;
using WasmBench.Silo.Tests.Cli;

namespace WasmBench.Silo.Tests.Storage;

public sealed class UnreachableDatabaseTests
{
    [Fact]
    public async Task Serve_on_an_unreachable_PostgreSQL_server_exits_two_naming_the_server_but_not_the_password()
    {
        var port = ClosedPort();

        var (code, _, error) = await CliHarness.Run(
            "serve", "--db", $"postgres://bench:hunter2@127.0.0.1:{port}/results", "--urls", "http://127.0.0.1:0",
            "--silo-port", "0", "--gateway-port", "0", "--no-seed", "--roles", "coordinator");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"cannot open the database postgres://bench@127.0.0.1:{port}/results", error);
        Assert.Contains("Failed to connect", error);
        Assert.DoesNotContain("hunter2", error);
    }

    [Fact]
    public async Task Serve_with_a_malformed_postgres_url_exits_two_with_what_was_expected()
    {
        var (code, _, error) = await CliHarness.Run("serve", "--db", "postgres://bench@127.0.0.1:5432/", "--no-seed");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("postgres://user:pass@host:port/db", error);
    }

    [Fact]
    public async Task Serve_with_an_OTLP_endpoint_that_is_no_http_URL_exits_two_with_an_example()
    {
        var (code, _, error) = await CliHarness.Run("serve", "--otlp", "collector:4317", "--no-seed");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--otlp must be an http:// or https:// URL, e.g. http://127.0.0.1:4317", error);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
