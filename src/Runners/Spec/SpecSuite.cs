using System.Reflection;
using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Spec;

/// <summary>
/// A pinned spec testsuite (<c>suites/spec/*.suite</c>): where it comes from, which commit, which
/// scripts count (<see cref="Include"/>, relative to the suite's folder) and the feature profile;
/// <see cref="WabtScripts"/>: globs of the scripts whose text modules WABT's wat2wasm converts.
/// </summary>
public sealed record SpecSuite(string Name, string Repository, string Commit, ConformanceProfile Profile, IReadOnlyList<string> Include, IReadOnlyList<string>? WabtScripts = null)
{
    /// <summary>The text converter of <paramref name="script"/>: WABT's when a <c>wabt:</c> glob matches its relative path.</summary>
    public TextConverter ConverterFor(SpecScript script) =>
        WabtScripts?.Any(g => Glob.Matches(g, script.RelativePath)) == true ? TextConverter.Wabt : TextConverter.Wasmtime;

    /// <summary>The names of the suites shipped with WasmBench.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["wasm-2.0", "wasm-3.0"];

    /// <summary>Loads a suite by name (<c>wasm-2.0</c>, <c>wasm-3.0</c>) or from a <c>.suite</c> file path.</summary>
    public static Result<SpecSuite> Load(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return SpecSuiteFile.Parse(File.ReadAllText(nameOrPath), nameOrPath);
        }

        var resource = $"WasmBench.Spec.{nameOrPath}.suite";
        using var stream = typeof(SpecSuite).Assembly.GetManifestResourceStream(resource);
        if (stream is null)
        {
            return Result<SpecSuite>.Failure($"unknown spec suite '{nameOrPath}': not a .suite file, and not one of {string.Join(", ", BuiltInNames)}");
        }

        using var reader = new StreamReader(stream);
        return SpecSuiteFile.Parse(reader.ReadToEnd(), nameOrPath + ".suite");
    }

    /// <summary>
    /// The suite's scripts under <paramref name="testsuitePath"/> — a folder holding this suite's
    /// scripts, or one holding a <c>&lt;name&gt;/</c> subfolder (e.g. <c>wasm-2.0/</c>) — optionally
    /// filtered by a glob on the relative path or file name (<c>simd_*.wast</c>, <c>custom/*</c>).
    /// Sorted by relative path; empty when nothing matches.
    /// </summary>
    public IReadOnlyList<SpecScript> ResolveScripts(string testsuitePath, string? filterGlob = null)
    {
        var root = SuiteFolder(testsuitePath);
        var scripts = new List<SpecScript>();
        foreach (var pattern in Include)
        {
            var slash = pattern.LastIndexOf('/');
            var folder = slash < 0 ? root : Path.Combine(root, pattern[..slash]);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var full in Directory.EnumerateFiles(folder, pattern[(slash + 1)..], SearchOption.TopDirectoryOnly))
            {
                var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
                if (filterGlob is null || Glob.Matches(filterGlob, relative) || (!filterGlob.Contains('/') && Glob.Matches(filterGlob, Path.GetFileName(full))))
                {
                    scripts.Add(new SpecScript(Name, relative, full));
                }
            }
        }

        return [.. scripts.DistinctBy(s => s.RelativePath).OrderBy(s => s.RelativePath, StringComparer.Ordinal)];
    }

    /// <summary>Runs one script of this suite with this suite's feature profile.</summary>
    public SpecScriptResult RunScript(IConformanceEngine engine, SpecScript script, ConformanceLimits limits, CancellationToken cancellationToken) =>
        SpecSuiteRunner.RunScript(engine, script.FullPath, script.RelativePath, limits, Profile, cancellationToken, ConverterFor(script));

    /// <summary>The folder holding this suite's scripts inside <paramref name="testsuitePath"/>.</summary>
    public string SuiteFolder(string testsuitePath)
    {
        var nested = Path.Combine(testsuitePath, Name);
        return Directory.Exists(nested) ? nested : testsuitePath;
    }
}

/// <summary>One script of a suite: its path relative to the suite folder (the report's <c>file</c>) and on disk.</summary>
public sealed record SpecScript(string Suite, string RelativePath, string FullPath)
{
    public override string ToString() => $"{Suite}/{RelativePath}";
}
