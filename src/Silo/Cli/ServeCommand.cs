using System.CommandLine;
using WasmBench.Silo.Api;
using WasmBench.Silo.Hosting;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench serve`: the service (coordinator, runner and dashboard by default).</summary>
public static class ServeCommand
{
    public const string TokenVariable = "WASMBENCH_API_TOKEN";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where the HTTP API and dashboard listen.", DefaultValueFactory = _ => ServeHost.DefaultUrls };
        var db = new Option<string>("--db") { Description = "The SQLite database file.", DefaultValueFactory = _ => HostSettings.DefaultDatabasePath };
        var roles = new Option<string>("--roles") { Description = "Comma-separated roles of this process: coordinator, runner, dashboard.", DefaultValueFactory = _ => "coordinator,runner,dashboard" };
        var siloPort = new Option<int>("--silo-port") { Description = "Orleans silo port (0: any free port).", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Orleans gateway port (0: any free port).", DefaultValueFactory = _ => 30000 };
        var join = new Option<int?>("--join") { Description = "Join the cluster whose primary silo listens on this local port (development clustering)." };
        var redis = new Option<string?>("--redis") { Description = "Join a farm: Orleans membership in this Redis server (host:port) instead of localhost clustering." };
        var remeasure = RemeasureOption.Create();
        var noSeed = new Option<bool>("--no-seed") { Description = "Do not start a quick-suite run when the database is empty." };
        var command = new Command("serve", $"Run the WasmBench service. Mutating API calls need a bearer token (env {TokenVariable}) whenever --urls reaches beyond loopback.")
        {
            urls, db, roles, siloPort, gatewayPort, join, redis, noSeed, remeasure,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var parsedRoles = RolesParser.Parse(parse.GetValue(roles)!);
            if (!parsedRoles.Succeeded)
            {
                await error.WriteLineAsync(parsedRoles.Error);
                return ExitCodes.Usage;
            }

            var listen = parse.GetValue(urls)!;
            var token = Environment.GetEnvironmentVariable(TokenVariable);
            if (!ListenGuard.IsLoopbackOnly(listen) && string.IsNullOrEmpty(token))
            {
                await error.WriteLineAsync($"--urls {listen} reaches beyond loopback: set {TokenVariable} so that mutating API calls need a bearer token.");
                return ExitCodes.Usage;
            }

            var settings = new HostSettings(
                parsedRoles.Value,
                parse.GetValue(db)!,
                parse.GetValue(siloPort),
                parse.GetValue(gatewayPort),
                parse.GetValue(join),
                token,
                SeedQuickRun: !parse.GetValue(noSeed),
                Redis: parse.GetValue(redis),
                Remeasure: parse.GetValue(remeasure));
            var app = ServeHost.Build(settings, listen);
            if (settings.Has(Roles.Coordinator))
            {
                await app.Services.MigrateDatabaseAsync(ct);
            }

            await app.RunAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
