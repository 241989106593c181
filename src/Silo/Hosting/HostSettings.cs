namespace WasmBench.Silo.Hosting;

/// <summary>Everything that shapes one WasmBench process.</summary>
/// <param name="DatabasePath">The database (<c>--db</c>): a SQLite file, whose folder is created, or PostgreSQL (<see cref="Storage.StoreTarget"/>).</param>
/// <param name="SiloPort">Orleans silo port; 0 picks a free one.</param>
/// <param name="GatewayPort">Orleans gateway port; 0 picks a free one.</param>
/// <param name="PrimarySiloPort">For a second process on this machine: the silo port of the first one.</param>
/// <param name="ApiToken">Bearer token for mutating API calls; required when listening beyond loopback.</param>
/// <param name="SeedQuickRun">Start a quick-suite run on an empty database.</param>
/// <param name="Redis">Redis membership (host:port) for a farm; null: localhost clustering.</param>
/// <param name="ClusterListen">Where a farm silo's endpoints listen (loopback unless set); localhost clustering is always loopback.</param>
/// <param name="ClusterTls">Mutual TLS for every silo and client connection; required beyond loopback.</param>
/// <param name="SuiteRoots">Over HTTP, suite and testsuite paths must lie under one of these folders; null: the suites folder and the configured testsuite (<see cref="Api.SuiteRoots"/>).</param>
/// <param name="AllowedHosts">The HTTP <c>Host</c> names the service answers (<c>*</c>: any); null: the loopback names and the hosts of its URLs (<see cref="Api.HostGuard"/>).</param>
/// <param name="Otlp">Where metrics and traces go over OTLP; null: OTEL_EXPORTER_OTLP_ENDPOINT if set, else nowhere.</param>
/// <param name="SpecScriptBudget">With a budget, each spec script of an engine that runs modules in-process runs in a sandboxed child within it (<see cref="Runners.Worker.ChildSpecRunner"/>); null: in this process.</param>
public sealed record HostSettings(
    Roles Roles,
    string DatabasePath,
    int SiloPort = 11111,
    int GatewayPort = 30000,
    int? PrimarySiloPort = null,
    string? ApiToken = null,
    bool SeedQuickRun = false,
    string? Redis = null,
    int Remeasure = 0,
    ClusterListen? ClusterListen = null,
    Security.ClusterTls? ClusterTls = null,
    IReadOnlyList<string>? SuiteRoots = null,
    IReadOnlyList<string>? AllowedHosts = null,
    Uri? Otlp = null,
    TimeSpan? SpecScriptBudget = null)
{
    public const string DefaultDatabasePath = "data/wasmbench.db";

    public bool Has(Roles role) => (Roles & role) == role;
}
