using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace WasmBench.Silo.Tests.Storage;

/// <summary>
/// A real PostgreSQL server (Debian's <c>postgresql</c> package) for the tests: <c>initdb</c> into a
/// temporary folder, <c>pg_ctl start</c> on a free loopback port, stopped and removed at the end. As
/// root it runs as the <c>postgres</c> user (PostgreSQL refuses to run as root). When it cannot
/// start, every test that needs it fails with the reason: a store test never passes untested.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    public const string User = "wasmbench";

    public const string Password = "test-secret";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "wasmbench-pg", Guid.NewGuid().ToString("N"));
    private string? _bin;
    private bool _started;
    private int _databases;

    public int Port { get; private set; }

    /// <summary>Why the server did not start; null once it runs.</summary>
    public string? Failure { get; private set; } = "not started";

    private string DataFolder => Path.Combine(_root, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
            Failure = null;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            Failure = e.Message;
        }
    }

    /// <summary>A new, empty database on this server: its postgres:// URL.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        Assert.True(Failure is null, $"PostgreSQL did not start, so this test cannot run: {Failure}");
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..24];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return Url(name);
    }

    public string Url(string database) => $"postgres://{User}:{Password}@127.0.0.1:{Port}/{database}";

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={User};Password={Password};Pooling=false";

    public async Task DisposeAsync()
    {
        if (_started)
        {
            await RunAsync(Tool("pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], check: false);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // /tmp is cleaned anyway.
        }
    }

    private async Task StartAsync()
    {
        _bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: no /usr/lib/postgresql/<version>/bin/pg_ctl. Install it with 'apt-get install -y postgresql' (.ci/run does).");
        Directory.CreateDirectory(_root);
        var passwordFile = Path.Combine(_root, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root: the folder and the server belong to the postgres user.
            await RunAsync("/usr/bin/chown", ["-R", "postgres:", _root], check: true, asPostgres: false);
        }

        await RunAsync(Tool("initdb"), ["-D", DataFolder, "-U", User, "--pwfile", passwordFile, "--auth", "scram-sha-256", "--encoding", "UTF8", "--no-locale", "--no-sync"], check: true);
        Port = FreePort();
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Tool("pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_root, "server.log"), "-o", options, "-w", "-t", "60", "start"], check: true);
        _started = true;
    }

    private string Tool(string name) => Path.Combine(_bin!, name);

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool check, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        if (asPostgres && IsRoot)
        {
            start.FileName = "/usr/sbin/runuser";
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        if (check && process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "server.log");
            var serverLog = File.Exists(log) ? "\nserver log:\n" + await File.ReadAllTextAsync(log) : "";
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await error}{serverLog}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "postgresql";
}
