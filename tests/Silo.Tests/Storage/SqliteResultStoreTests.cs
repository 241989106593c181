namespace WasmBench.Silo.Tests.Storage;

/// <summary>The result store's tests on real SQLite files.</summary>
public sealed class SqliteResultStoreTests : ResultStoreTests, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override Task<Silo.Storage.ResultStore> NewStoreAsync(string name) => CreateStoreAsync(_dir.File($"{name}.db"));

    protected override Task<Silo.Storage.ResultStore> ReopenStoreAsync(string name) => CreateStoreAsync(_dir.File($"{name}.db"));

    public void Dispose() => _dir.Dispose();
}
