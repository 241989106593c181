using WasmBench.Abstractions.Runs;
using WasmBench.Integration.Tests.Process;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Worker;
using WasmBench.Silo.Hosting;

namespace WasmBench.Integration.Tests.Hostile;

/// <summary>
/// The hostile-workload suite of issue 18 on every benchmark engine the catalog says is available,
/// run as a runner runs a task: <see cref="BenchmarkTaskExecutor"/> with the real measuring child
/// (`wasmbench measure` in its sandbox). Every case must end with a per-task error or a correct
/// result (<see cref="HostileCase.Check"/>), reported by the measuring child itself (it stayed
/// within its limits and did not die), with no file written outside the scratch folder, no secret
/// of the test process in the result, and no process left behind. Cases are named
/// {engine}/hostile/{case}; interp, wasmtime and native run by default, the other engines and the
/// 1 GB data segment in the Slow test.
/// </summary>
public sealed class HostileSuiteTests(HostileWorkloads workloads) : IClassFixture<HostileWorkloads>
{
    private static readonly string[] DefaultEngines = ["interp", "wasmtime", "native"];

    private static readonly Lazy<EngineCatalog> Catalog = new(() =>
    {
        Environment.SetEnvironmentVariable(HostileCases.SecretVariable, HostileCases.Secret);
        return new EngineCatalog(WasmBenchHostExtensions.CreateEngines(), WasmBenchHostExtensions.CreateFamilies());
    });

    public static TheoryData<string> DefaultCases => Cases(slow: false);

    public static TheoryData<string> SlowCases => Cases(slow: true);

    [Theory]
    [MemberData(nameof(DefaultCases))]
    public Task Ends_with_a_per_task_error_or_a_correct_result(string name) => RunAsync(name);

    [Theory]
    [Trait("Category", "Slow")] // 11 more engines and the 1 GB module: several minutes.
    [MemberData(nameof(SlowCases))]
    public Task Ends_with_a_per_task_error_or_a_correct_result_on_the_other_engines(string name) => RunAsync(name);

    private static TheoryData<string> Cases(bool slow)
    {
        var data = new TheoryData<string>();
        foreach (var engine in Catalog.Value.BenchmarkEngines)
        {
            var native = engine.Info.Kind == Abstractions.Engines.EngineKind.Native;
            foreach (var hostile in HostileCases.All.Where(c => native ? c.NativeC is not null : c.HasModule))
            {
                if (slow == (hostile.Slow || !DefaultEngines.Contains(engine.Info.Id)))
                {
                    data.Add($"{engine.Info.Id}/hostile/{hostile.Name}");
                }
            }
        }

        return data;
    }

    private async Task RunAsync(string name)
    {
        var engineId = name[..name.IndexOf("/hostile/", StringComparison.Ordinal)];
        var hostile = HostileCases.All.Single(c => c.Name == name[(name.LastIndexOf('/') + 1)..]);
        var engine = (IBenchmarkEngine)Catalog.Value.Find(engineId)!;
        var workload = workloads.For(hostile, engine.Info.Kind == Abstractions.Engines.EngineKind.Native);
        var before = Directory.GetFileSystemEntries(workload.Directory).Order().ToList();
        var settings = new BenchmarkSettings(1, TimeSpan.FromSeconds(2), hostile.MaxMemoryPages);
        var executor = new BenchmarkTaskExecutor(Catalog.Value, settings, new ChildMeasurer(Environment.ProcessPath!, [WasmbenchProcess.Dll])
        {
            // Patience with a CI machine at load 25+ (the child's start-up alone took over 30 s there);
            // the engine's limits that the cases test are inside the child and unchanged.
            Margin = TimeSpan.FromMinutes(3),
        });

        var result = await executor.ExecuteAsync(new WorkTask(1, 0, engineId, workload, 1), CancellationToken.None);

        hostile.Check(result);
        var error = result.Error ?? "";
        var childTimedOut = error.StartsWith("the measuring process did not finish within", StringComparison.Ordinal);
        Assert.False(error.StartsWith("the measuring process", StringComparison.Ordinal) && !(childTimedOut && hostile.LoadMayOutlastTheChild),
            $"the measuring child did not report: {error}");
        Assert.True(error.Length <= 8192, $"an error of {error.Length} characters");
        Assert.DoesNotContain("root:x:0:0", error, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileCases.Secret, error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(workload.Directory).Order().ToList());
        Assert.False(File.Exists(Path.Combine("/tmp", HostileCases.Escape)), "wrote /tmp");
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(workload.Directory)!, HostileCases.Escape)), "wrote beside its folder");
        Assert.Empty(await SurvivorsAsync(workload.Directory));
    }

    /// <summary>Processes still working in (or naming) the workload's folder, after up to 10 s for a torn-down sandbox to be reaped.</summary>
    private static async Task<List<string>> SurvivorsAsync(string folder)
    {
        var found = Find(folder);
        for (var i = 0; i < 100 && found.Count > 0; i++)
        {
            await Task.Delay(100);
            found = Find(folder);
        }

        return found;
    }

    private static List<string> Find(string folder)
    {
        var found = new List<string>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var cwd = new DirectoryInfo(Path.Combine(dir, "cwd")).LinkTarget;
                if (commandLine.Contains(folder, StringComparison.Ordinal) || cwd == folder)
                {
                    found.Add($"{pid}: {commandLine}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended while we looked.
            }
        }

        return found;
    }
}
