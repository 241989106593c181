using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace WasmBench.Integration.Tests.Repository;

/// <summary>
/// Rules of the whole repository that no single project can check: one name per type across the
/// projects under src/, the dependency direction of DESIGN.md, the statistics package in
/// src/Analysis alone, what src/Silo holds, and one test-name convention.
/// </summary>
public sealed partial class HouseRulesTests
{
    /// <summary>Every project under src/, by its assembly.</summary>
    private static readonly Assembly[] Projects =
    [
        typeof(Abstractions.Result<>).Assembly,
        typeof(Analysis.Comparison.RunComparer).Assembly,
        typeof(Dashboard.DashboardExtensions).Assembly,
        typeof(Interpreter.WasmEngine).Assembly,
        typeof(Runners.Engines.EngineCatalog).Assembly,
        typeof(Silo.Cli.CliApp).Assembly,
    ];

    private static string Root => Runners.Spec.TestsuiteLocator.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("the tests run outside the repository");

    [Fact]
    public void Every_project_under_src_is_checked()
    {
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => XDocument.Load(p).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(p))
            .Order();

        Assert.Equal(projects, Projects.Select(a => a.GetName().Name!).Order());
    }

    [Fact]
    public void No_type_name_is_declared_in_two_projects_under_src()
    {
        var clashes = Projects
            .SelectMany(a => a.GetTypes().Where(IsDeclaredByHand).Select(t => (t.Name, Project: a.GetName().Name!, t.FullName)))
            .GroupBy(t => t.Name)
            .Where(g => g.Select(t => t.Project).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => $"{t.FullName} ({t.Project})"))}")
            .ToList();

        Assert.True(clashes.Count == 0, "declared in two projects:\n" + string.Join('\n', clashes));
    }

    [Fact]
    public void The_projects_depend_on_each_other_one_way_as_the_design_says()
    {
        // Silo -> Dashboard, Runners, Analysis -> Abstractions; Dashboard -> Analysis; Runners -> Interpreter.
        var allowed = new Dictionary<string, string[]>
        {
            ["WasmBench.Abstractions"] = [],
            ["WasmBench.Interpreter"] = [],
            ["WasmBench.Analysis"] = ["WasmBench.Abstractions"],
            ["WasmBench.Runners"] = ["WasmBench.Abstractions", "WasmBench.Interpreter"],
            ["WasmBench.Dashboard"] = ["WasmBench.Abstractions", "WasmBench.Analysis"],
            ["wasmbench"] = ["WasmBench.Abstractions", "WasmBench.Analysis", "WasmBench.Dashboard", "WasmBench.Runners", "WasmBench.Interpreter"],
        };
        var ours = Projects.Select(a => a.GetName().Name!).ToHashSet();

        foreach (var project in Projects)
        {
            var name = project.GetName().Name!;
            var uses = project.GetReferencedAssemblies().Select(r => r.Name!).Where(ours.Contains);
            Assert.All(uses, used => Assert.True(allowed[name].Contains(used), $"{name} must not depend on {used}"));
        }
    }

    [Fact]
    public void The_statistics_package_is_referenced_by_src_Analysis_alone()
    {
        var referencing = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => XDocument.Load(p).Descendants("PackageReference").Any(r => r.Attribute("Include")?.Value == "Perfolizer"))
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'));

        Assert.Equal(["src/Analysis/WasmBench.Analysis.csproj"], referencing);
        Assert.DoesNotContain(typeof(Silo.Cli.CliApp).Assembly.GetReferencedAssemblies(), r => r.Name == "Perfolizer");
    }

    [Fact]
    public void Src_Silo_holds_hosting_grains_storage_the_API_and_the_CLI_only()
    {
        var folders = Directory.GetDirectories(Path.Combine(Root, "src", "Silo")).Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj" or "Properties"));

        // Security is the hosting's own: the cluster's mutual TLS, the planner's seals and the serve guard.
        Assert.Equal(["Api", "Cli", "Grains", "Hosting", "Security", "Storage"], folders.Order());
    }

    [Fact]
    public void Every_test_is_named_as_a_sentence_with_underscores()
    {
        var offenders = Directory.GetFiles(Path.Combine(Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TestMethod().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(Root, f), Name: m.Groups["name"].Value)))
            .Where(t => !Sentence().IsMatch(t.Name))
            .Select(t => $"{t.File}: {t.Name}")
            .ToList();

        Assert.True(offenders.Count == 0, "name tests like Stores_a_run_with_its_samples_in_a_real_SQLite_file:\n" + string.Join('\n', offenders));
        Assert.Matches(Sentence(), nameof(Every_test_is_named_as_a_sentence_with_underscores));
        Assert.DoesNotMatch(Sentence(), "StoresARunWithItsSamples");
    }

    /// <summary>A type someone wrote: not the compiler's, Orleans' or Razor's generated ones, and not nested in another.</summary>
    private static bool IsDeclaredByHand(Type type) =>
        type.DeclaringType is null
        && type.Namespace?.StartsWith("WasmBench", StringComparison.Ordinal) == true
        && !type.Name.Contains('<', StringComparison.Ordinal)
        && !type.Name.StartsWith("__", StringComparison.Ordinal)
        && type.GetCustomAttribute<CompilerGeneratedAttribute>() is null;

    [GeneratedRegex(@"\[(?:Fact|Theory)\b[^\]]*\](?:\s*\[[^\]]*\])*\s*public\s+(?:async\s+)?(?:Task|void)\s+(?<name>\w+)\s*\(")]
    private static partial Regex TestMethod();

    /// <summary>A capital first word, then words joined by underscores (names and acronyms keep their case: SQLite, JUnit, CPU).</summary>
    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(_[A-Za-z0-9/]+)+$")]
    private static partial Regex Sentence();
}
