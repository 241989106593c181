using WasmBench.Silo.Cli;

return await CliApp.RunAsync(args);
