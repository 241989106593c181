using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WasmBench.Silo.Tests.Docs;

/// <summary>
/// The `wasmbench ... --help` blocks README.md quotes: a heading <c>### `wasmbench VERB --help`</c>
/// followed by a fenced block that holds the verb's help exactly as the CLI prints it.
/// </summary>
public static partial class ReadmeHelp
{
    public static string ReadmePath => Path.Combine(
        Runners.Spec.TestsuiteLocator.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("the tests run outside the repository"),
        "README.md");

    /// <summary>Each quoted command (<c>run</c>, <c>suites validate</c>, or empty for the root) with its block.</summary>
    public static IReadOnlyList<(string Command, string Block)> Blocks(string readme) =>
        [.. Quoted().Matches(readme.ReplaceLineEndings("\n")).Select(m => (m.Groups["command"].Value.Trim(), m.Groups["block"].Value))];

    /// <summary>How each quoted block differs from the real help: empty when every block matches.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(string readme)
    {
        var differences = new List<string>();
        foreach (var (command, block) in Blocks(readme))
        {
            var (code, output, error) = await RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
            var actual = output.ReplaceLineEndings("\n").TrimEnd('\n');
            if (code != 0)
            {
                differences.Add($"wasmbench {command} --help exited {code}: {error}");
            }
            else if (actual != block)
            {
                differences.Add($"README.md's `wasmbench {command} --help` differs from the real help at line {FirstDifferingLine(block, actual)}:\n--- README\n{block}\n--- real\n{actual}");
            }
        }

        return differences;
    }

    /// <summary>The real executable, as a user runs it: its help names it <c>wasmbench</c>, and nothing of the test host shows.</summary>
    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wasmbench.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static int FirstDifferingLine(string expected, string actual)
    {
        var (a, b) = (expected.Split('\n'), actual.Split('\n'));
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i + 1;
    }

    [GeneratedRegex(@"^### `wasmbench (?<command>[^`]*?)--help`\n\n```\n(?<block>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Quoted();
}
