using WasmBench.Abstractions;
using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Spec;
using WasmBench.Runners.Workloads;
using WasmBench.Silo.Security;

namespace WasmBench.Silo.Api;

/// <summary>
/// What POST /api/runs checks before the planner sees a request: field lengths, and that every
/// suite or testsuite path lies under the <see cref="SuiteRoots"/>. Errors quote at most 200
/// characters of what they reject (<see cref="Quote"/>) and never read the file a path names.
/// </summary>
public sealed class RunRequestGuard(SuiteRoots roots, SuiteLoader suites)
{
    public const int MaxLabel = 200;
    public const int MaxSuite = 1000;
    public const int MaxFilter = 200;
    public const int MaxEngineId = 200;
    public const int MaxEngines = 64;

    /// <summary>The largest body POST /api/runs reads (a request is a few hundred bytes).</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public SuiteRoots Roots => roots;

    public Result<RunRequest> Check(RunRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Suite))
        {
            return Fail("the body needs a 'suite' (a suite name such as 'quick', or a path)");
        }

        if ((TooLong("suite", request.Suite, MaxSuite) ?? TooLong("label", request.Label, MaxLabel)
            ?? TooLong("testsuite", request.Testsuite, MaxSuite) ?? TooLong("filter", request.Filter, MaxFilter)) is { } tooLong)
        {
            return Fail(tooLong);
        }

        var engines = request.Engines ?? [];
        if (engines.Count > MaxEngines)
        {
            return Fail($"at most {MaxEngines} engines, not {engines.Count}");
        }

        if (engines.Select(e => TooLong("engine id", e, MaxEngineId)).FirstOrDefault(e => e is not null) is { } engine)
        {
            return Fail(engine);
        }

        var suite = request.Kind == RunKind.Spec ? CheckSpecSuite(request.Suite) : CheckSuite(request.Suite);
        if (suite is not null)
        {
            return Fail(suite);
        }

        if (request.Testsuite is { } testsuite && !roots.Contains(testsuite))
        {
            return Fail($"the testsuite {Quote.Short(testsuite)} is not under a suite root of this service ({roots.Describe()})");
        }

        return Result<RunRequest>.Success(request.Normalized());
    }

    private string? CheckSuite(string suite)
    {
        if (suite.IndexOfAny(['/', '\\']) < 0 && !Path.HasExtension(suite))
        {
            // A name: one of the suites folder's, never a folder of the service's working directory.
            return suites.AvailableSuites.Contains(suite, StringComparer.Ordinal)
                ? null
                : $"unknown suite {Quote.Short(suite)}; available suites: {string.Join(", ", suites.AvailableSuites)}";
        }

        return UnderRoots("suite", suite);
    }

    private string? CheckSpecSuite(string suite) =>
        SpecSuite.BuiltInNames.Contains(suite, StringComparer.Ordinal) ? null : UnderRoots("spec suite", suite);

    private string? UnderRoots(string what, string path) =>
        !roots.Contains(path) ? $"the {what} path {Quote.Short(path)} is not under a suite root of this service ({roots.Describe()})"
        : !File.Exists(path) && !Directory.Exists(path) ? $"the {what} path {Quote.Short(path)} does not exist"
        : null;

    private static string? TooLong(string field, string? value, int max) =>
        value is { Length: var length } && length > max ? $"'{field}' has {length} characters; at most {max} are allowed: {Quote.Short(value)}" : null;

    private static Result<RunRequest> Fail(string error) => Result<RunRequest>.Failure(error);
}
