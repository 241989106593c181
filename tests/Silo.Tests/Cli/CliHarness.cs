using WasmBench.Silo.Cli;

namespace WasmBench.Silo.Tests.Cli;

/// <summary>Runs the `wasmbench` command line in-process and captures what it prints.</summary>
public static class CliHarness
{
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
