using System.CommandLine;
using System.Text.RegularExpressions;
using WasmBench.Silo.Security;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench certs`: development certificates for a farm's mutual TLS.</summary>
public static partial class CertsCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The folder for ca.pem/ca.key (made once) and NODE.pem/NODE.key.", Required = true };
        var node = new Option<string>("--node") { Description = "The node certificate's name (letters, digits, '-', '_').", DefaultValueFactory = _ => "node" };
        var days = new Option<int>("--days") { Description = "Validity in days.", DefaultValueFactory = _ => 365 };
        var command = new Command("certs", "Create development certificates for a farm's mutual TLS: a CA once per folder and a node certificate signed by it (give the node files with serve --tls-cert/--tls-key and the CA with --tls-ca).")
        {
            output, node, days,
        };
        command.SetAction(async parse =>
        {
            var name = parse.GetValue(node)!;
            var validDays = parse.GetValue(days);
            if (!NodeName().IsMatch(name) || validDays is < 1 or > 3650)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"--node must be 1-64 letters, digits, '-' or '_' (got {Quote.Short(name)}) and --days 1..3650 (got {validDays}).");
                return ExitCodes.Usage;
            }

            foreach (var file in DevCertificates.Create(parse.GetValue(output)!, name, TimeSpan.FromDays(validDays)))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(file);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NodeName();
}
