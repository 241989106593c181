namespace WasmBench.Silo.Storage;

/// <summary>
/// The database that <c>--db</c> names cannot be opened or migrated (an unreachable PostgreSQL
/// server, a refused password, an unwritable file). The message names the database, without its
/// password, and says why; the CLI prints it and exits 2.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
