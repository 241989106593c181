using System.CommandLine;

namespace WasmBench.Silo.Cli;

/// <summary><c>--remeasure N</c> of the verbs that measure in this process (run, gate, calibrate).</summary>
public static class RemeasureOption
{
    public const int Default = 2;

    /// <summary>The option; a value outside 0-5 is a parse error (exit code 2, like every bad option).</summary>
    public static Option<int> Create(string? more = null)
    {
        var option = new Option<int>("--remeasure")
        {
            Description = "How many more times a process is measured when its machine reference says the machine was disturbed meanwhile (pauses of 10 s, then 20 s; at most 3 minutes more per run); 0: never." + (more is null ? "" : " " + more),
            DefaultValueFactory = _ => Default,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 0 or > 5)
            {
                result.AddError($"--remeasure must be between 0 and 5, not {value}");
            }
        });
        return option;
    }
}
