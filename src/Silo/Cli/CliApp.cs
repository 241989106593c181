using System.CommandLine;

namespace WasmBench.Silo.Cli;

/// <summary>The `wasmbench` command line: one verb per file, each with --help.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("WasmBench: benchmark and conformance service for WebAssembly runtimes.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(EnginesCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(GateCommand.Create());
        root.Subcommands.Add(TrendsCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(MeasureCommand.Create());
        root.Subcommands.Add(SpecScriptCommand.Create());
        root.Subcommands.Add(SpecCommand.Create());
        root.Subcommands.Add(SuitesCommand.Create());
        root.Subcommands.Add(CertsCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; parse errors exit with <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parse = Build().Parse(args);
        var config = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await config.Error.WriteLineAsync(e.Message);
            }

            await config.Error.WriteLineAsync("Run 'wasmbench --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(config);
    }
}
