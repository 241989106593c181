using Npgsql;
using WasmBench.Silo.Storage;

namespace WasmBench.Silo.Tests.Storage;

public sealed class StoreTargetTests
{
    [Fact]
    public void A_postgres_url_becomes_a_connection_string_with_a_short_connect_timeout()
    {
        var target = StoreTarget.Parse("postgres://bench:p%40ss@db.example:6543/results?sslmode=require");

        Assert.True(target.Succeeded, target.Error);
        Assert.Equal(StoreProvider.PostgreSql, target.Value.Provider);
        var keys = new NpgsqlConnectionStringBuilder(target.Value.ConnectionString);
        Assert.Equal(("db.example", 6543, "results", "bench", "p@ss", SslMode.Require, 5), (keys.Host, keys.Port, keys.Database, keys.Username, keys.Password, keys.SslMode, keys.Timeout));
        // Messages name the server and database, never the password.
        Assert.Equal("postgres://bench@db.example:6543/results", target.Value.Display);
    }

    [Fact]
    public void A_connection_string_is_PostgreSQL_and_keeps_its_own_timeout()
    {
        var target = StoreTarget.Parse("Host=10.0.0.5;Database=wasmbench;Username=w;Password=secret;Timeout=30");

        Assert.True(target.Succeeded, target.Error);
        Assert.True(target.Value.IsPostgreSql);
        Assert.Equal(30, new NpgsqlConnectionStringBuilder(target.Value.ConnectionString).Timeout);
        Assert.DoesNotContain("secret", target.Value.Display);
        Assert.Equal(StoreTarget.PostgreSqlStateFolder, target.Value.StateFolder);
    }

    [Fact]
    public void Anything_else_is_a_SQLite_file_whose_folder_holds_the_node_s_files()
    {
        var target = StoreTarget.Parse("data/x.db");

        Assert.True(target.Succeeded, target.Error);
        Assert.Equal(StoreProvider.Sqlite, target.Value.Provider);
        Assert.Equal(Path.GetFullPath("data/x.db"), target.Value.Display);
        Assert.Equal(Path.GetFullPath("data"), target.Value.StateFolder);
    }

    [Theory]
    [InlineData("postgres://u:p@host:5432/")]
    [InlineData("postgres://u:p@host/db?cache=on")]
    [InlineData("Host=h;Nonsense=1")]
    public void A_malformed_postgres_target_is_refused_with_what_was_expected(string db)
    {
        var target = StoreTarget.Parse(db);

        Assert.False(target.Succeeded);
        Assert.Contains("--db", target.Error);
    }
}
