namespace WasmBench.Silo.Tests.Storage;

/// <summary>The result store's tests on a real PostgreSQL server, one new database per store.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlResultStoreTests(PostgreSqlServer server) : ResultStoreTests
{
    private readonly Dictionary<string, string> _databases = [];

    protected override async Task<Silo.Storage.ResultStore> NewStoreAsync(string name)
    {
        var url = await server.CreateDatabaseAsync();
        _databases[name] = url;
        return await CreateStoreAsync(url);
    }

    protected override Task<Silo.Storage.ResultStore> ReopenStoreAsync(string name) => CreateStoreAsync(_databases[name]);
}
