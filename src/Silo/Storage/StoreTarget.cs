using System.Data.Common;
using Npgsql;

namespace WasmBench.Silo.Storage;

/// <summary>The database engines the result store runs on.</summary>
public enum StoreProvider
{
    /// <summary>A SQLite file: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for a farm whose coordinator and dashboard run on different hosts.</summary>
    PostgreSql,
}

/// <summary>
/// What <c>--db</c> names: a SQLite file (the default), a <c>postgres://user:pass@host:port/db</c>
/// URL or an Npgsql connection string (<c>Host=...;Database=...</c>).
/// </summary>
/// <param name="ConnectionString">What the EF Core provider opens.</param>
/// <param name="StateFolder">Where this node keeps the files that go with its database (the plan seal key, the machine reference history).</param>
/// <param name="Display">How messages name the database: the file, or the server and database without the password.</param>
public sealed record StoreTarget(StoreProvider Provider, string ConnectionString, string StateFolder, string Display)
{
    /// <summary>How long opening a connection to PostgreSQL may take unless the connection string says otherwise: an unreachable server is an error within seconds.</summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    /// <summary>Where a PostgreSQL node keeps its files: the folder of the default SQLite database.</summary>
    public static string PostgreSqlStateFolder => Path.GetFullPath(Path.GetDirectoryName(Hosting.HostSettings.DefaultDatabasePath)!);

    public bool IsPostgreSql => Provider == StoreProvider.PostgreSql;

    /// <summary>Reads <c>--db</c>; a malformed URL or connection string is an error that says what was expected.</summary>
    public static Abstractions.Result<StoreTarget> Parse(string database, bool readOnly = false)
    {
        var text = database.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(text);
        }

        if (text.Contains('=', StringComparison.Ordinal) && LooksLikeConnectionString(text))
        {
            return FromConnectionString(text);
        }

        var path = Path.GetFullPath(text);
        return Abstractions.Result<StoreTarget>.Success(new StoreTarget(
            StoreProvider.Sqlite, $"Data Source={path}{(readOnly ? ";Mode=ReadOnly" : "")}", Path.GetDirectoryName(path)!, path));
    }

    private static bool LooksLikeConnectionString(string text)
    {
        try
        {
            var keys = new DbConnectionStringBuilder { ConnectionString = text };
            return keys.ContainsKey("Host") || keys.ContainsKey("Server");
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Abstractions.Result<StoreTarget> FromConnectionString(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return Abstractions.Result<StoreTarget>.Failure($"--db is not a PostgreSQL connection string ({e.Message}); expected Host=...;Database=...;Username=...;Password=... or postgres://user:pass@host:port/db");
        }

        var explicitTimeout = new DbConnectionStringBuilder { ConnectionString = text }.Keys.Cast<string>()
            .Any(k => k.Equals("Timeout", StringComparison.OrdinalIgnoreCase) || k.Equals("Connect Timeout", StringComparison.OrdinalIgnoreCase));
        return Finish(builder, explicitTimeout);
    }

    private static Abstractions.Result<StoreTarget> FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return Abstractions.Result<StoreTarget>.Failure($"--db is not a PostgreSQL URL; expected postgres://user:pass@host:port/db");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            return Abstractions.Result<StoreTarget>.Failure("--db names no database: expected postgres://user:pass@host:port/db");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var explicitTimeout = false;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0
                ? (Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..]))
                : (Uri.UnescapeDataString(pair), "");
            switch (key.ToLowerInvariant())
            {
                case "sslmode" when Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode):
                    builder.SslMode = mode;
                    break;
                case "connect_timeout" when int.TryParse(value, out var seconds) && seconds > 0:
                    builder.Timeout = seconds;
                    explicitTimeout = true;
                    break;
                default:
                    return Abstractions.Result<StoreTarget>.Failure($"--db: unknown or malformed URL parameter '{key}'; known: sslmode (disable, prefer, require, verify-ca, verify-full), connect_timeout (seconds)");
            }
        }

        return Finish(builder, explicitTimeout);
    }

    private static Abstractions.Result<StoreTarget> Finish(NpgsqlConnectionStringBuilder builder, bool explicitTimeout)
    {
        if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database))
        {
            return Abstractions.Result<StoreTarget>.Failure("--db: a PostgreSQL connection string needs Host and Database");
        }

        if (!explicitTimeout)
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }

        var display = $"postgres://{(string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@")}{builder.Host}:{builder.Port}/{builder.Database}";
        return Abstractions.Result<StoreTarget>.Success(new StoreTarget(StoreProvider.PostgreSql, builder.ConnectionString, PostgreSqlStateFolder, display));
    }

    public override string ToString() => Display;
}
