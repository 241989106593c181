using WasmBench.Abstractions;
using WasmBench.Abstractions.Results;

namespace WasmBench.Runners.Spec;

/// <summary>One reviewed known failure: a command of a script (by line) that fails on an engine, and why.</summary>
public sealed record KnownFailure(string Suite, string File, int Line, string Reason);

/// <summary>How a script's results compare with the reviewed list.</summary>
public sealed record KnownFailureCheck(
    IReadOnlyList<SpecFailure> ExpectedFailures,
    IReadOnlyList<SpecFailure> UnexpectedFailures,
    IReadOnlyList<KnownFailure> UnexpectedPasses)
{
    public bool IsClean => UnexpectedFailures.Count == 0 && UnexpectedPasses.Count == 0;
}

/// <summary>
/// The reviewed known failures of one engine (<c>suites/spec/known-failures/&lt;engine&gt;.tsv</c>,
/// the engine id with <c>:</c> written as <c>.</c>, e.g. <c>wasmtime.winch.tsv</c>:
/// <c>suite TAB file TAB line TAB reason</c>, <c>#</c> comments). An unexpected failure and an
/// unexpected pass (a listed command that no longer fails) both count against the engine.
/// </summary>
public sealed class KnownFailures(IReadOnlyList<KnownFailure> entries)
{
    public IReadOnlyList<KnownFailure> Entries { get; } = entries;

    /// <summary>The list shipped for the engine <paramref name="engineId"/> (none listed: an empty list).</summary>
    public static Result<KnownFailures> Load(string engineId)
    {
        var stem = FileStem(engineId);
        using var stream = typeof(KnownFailures).Assembly.GetManifestResourceStream($"WasmBench.Spec.KnownFailures.{stem}.tsv");
        if (stream is null)
        {
            return Result<KnownFailures>.Success(new KnownFailures([]));
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"known-failures/{stem}.tsv");
    }

    /// <summary>The list's file name without <c>.tsv</c>: the id, with <c>:</c> (not portable in file names) as <c>.</c>.</summary>
    public static string FileStem(string engineId) => engineId.Replace(':', '.');

    public static Result<KnownFailures> Parse(string text, string source)
    {
        var entries = new List<KnownFailure>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 4 || !int.TryParse(parts[2], out var scriptLine) || parts[3].Trim().Length == 0)
            {
                return Result<KnownFailures>.Failure($"{source}:{lineNumber}: expected 'suite<TAB>file<TAB>line<TAB>reason'");
            }

            entries.Add(new KnownFailure(parts[0].Trim(), parts[1].Trim(), scriptLine, parts[3].Trim()));
        }

        return Result<KnownFailures>.Success(new KnownFailures(entries));
    }

    public KnownFailureCheck Classify(string suite, SpecScriptResult result)
    {
        var listed = Entries.Where(e => e.Suite == suite && e.File == result.File).ToList();
        var expected = new List<SpecFailure>();
        var unexpected = new List<SpecFailure>();
        foreach (var failure in result.Failures)
        {
            (listed.Any(e => e.Line == failure.Line) ? expected : unexpected).Add(failure);
        }

        var passes = listed.Where(e => !result.Failures.Any(f => f.Line == e.Line)).ToList();
        return new KnownFailureCheck(expected, unexpected, passes);
    }
}
