namespace WasmBench.Silo.Tests.Docs;

/// <summary>README.md quotes the CLI's help; these tests fail the moment a quote and the CLI drift apart.</summary>
public sealed class ReadmeHelpTests
{
    [Fact]
    public async Task Every_help_block_in_the_readme_is_what_the_verb_prints()
    {
        var readme = await File.ReadAllTextAsync(ReadmeHelp.ReadmePath);

        var differences = await ReadmeHelp.DifferencesAsync(readme);

        Assert.True(differences.Count == 0, string.Join("\n\n", differences));
        Assert.Equal(["", "trends", "run", "serve", "spec", "suites validate"], ReadmeHelp.Blocks(readme).Select(b => b.Command));
    }

    [Fact]
    public async Task A_block_that_drifted_is_found_naming_the_verb_and_the_line()
    {
        // What README.md quoted before this check existed: an option spec never had.
        var readme = await File.ReadAllTextAsync(ReadmeHelp.ReadmePath);
        var spec = ReadmeHelp.Blocks(readme).Single(b => b.Command == "spec").Block;
        var drifted = readme.ReplaceLineEndings("\n").Replace(spec, spec.Replace("  -?, -h, --help", "  --remeasure <remeasure>     How many more times a process is measured. [default: 2]\n  -?, -h, --help", StringComparison.Ordinal), StringComparison.Ordinal);

        var differences = await ReadmeHelp.DifferencesAsync(drifted);

        var difference = Assert.Single(differences);
        Assert.StartsWith("README.md's `wasmbench spec --help` differs from the real help at line", difference);
        Assert.Contains("--remeasure", difference);
    }
}
