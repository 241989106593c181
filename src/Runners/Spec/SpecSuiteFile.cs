using WasmBench.Abstractions;
using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Spec;

/// <summary>
/// Reads the <c>key: value</c> lines of a <c>.suite</c> file (<c>#</c> starts a comment):
/// <c>name</c>, <c>repository</c>, <c>commit</c>, <c>profile</c> (wasm2 | wasm3), one or more <c>include</c>,
/// and any number of <c>wabt</c> (a glob of included scripts whose text modules WABT's wat2wasm converts).
/// </summary>
internal static class SpecSuiteFile
{
    public static Result<SpecSuite> Parse(string text, string source)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var include = new List<string>();
        var wabt = new List<string>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var hash = raw.IndexOf('#');
            var line = (hash < 0 ? raw : raw[..hash]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return Error(source, lineNumber, $"expected 'key: value', found '{line}'");
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "include":
                    include.Add(value);
                    break;
                case "wabt":
                    wabt.Add(value);
                    break;
                case "name" or "repository" or "commit" or "profile":
                    values[key] = value;
                    break;
                default:
                    return Error(source, lineNumber, $"unknown key '{key}' (known: name, repository, commit, profile, include, wabt)");
            }
        }

        foreach (var required in new[] { "name", "repository", "commit", "profile" })
        {
            if (!values.ContainsKey(required))
            {
                return Result<SpecSuite>.Failure($"{source}: missing '{required}:'");
            }
        }

        ConformanceProfile? profile = values["profile"] switch
        {
            "wasm2" => ConformanceProfile.Wasm2,
            "wasm3" => ConformanceProfile.Wasm3,
            _ => null,
        };
        if (profile is null)
        {
            return Result<SpecSuite>.Failure($"{source}: profile is wasm2 or wasm3, not '{values["profile"]}'");
        }

        if (include.Count == 0)
        {
            return Result<SpecSuite>.Failure($"{source}: no 'include:' line");
        }

        return Result<SpecSuite>.Success(new SpecSuite(values["name"], values["repository"], values["commit"], profile.Value, include, wabt));
    }

    private static Result<SpecSuite> Error(string source, int line, string message) => Result<SpecSuite>.Failure($"{source}:{line}: {message}");
}
