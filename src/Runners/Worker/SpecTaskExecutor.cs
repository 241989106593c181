using WasmBench.Abstractions.Engines;
using WasmBench.Abstractions.Results;
using WasmBench.Abstractions.Runs;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines;
using WasmBench.Runners.Spec;

namespace WasmBench.Runners.Worker;

/// <summary>
/// Runs one .wast script of a spec suite on a conformance engine of this node: with a
/// <see cref="ChildSpecRunner"/> (the service's runners), a script for an engine that runs modules
/// in-process goes to a sandboxed child of its own; without one (the CLI's own runs, a test host) it
/// runs in this process, under each action's limits.
/// </summary>
public sealed class SpecTaskExecutor(EngineCatalog catalog, ChildSpecRunner? child = null) : ITaskExecutor
{
    public RunKind Kind => RunKind.Spec;

    public IReadOnlyList<string> Capabilities { get; } =
        [
            .. catalog.ConformanceEngines.Select(e => Abstractions.Runs.Capabilities.For(RunKind.Spec, e.Info.Id)),
            .. catalog.VariantFamilies<IConformanceEngine>().Select(f => Abstractions.Runs.Capabilities.ForEveryVariant(RunKind.Spec, f)),
        ];

    public async Task<TaskResult> ExecuteAsync(WorkTask task, CancellationToken cancellationToken)
    {
        if (catalog.Find(task.Engine) is not IConformanceEngine engine)
        {
            return Failed(task, EngineIdentity.Unknown(task.Engine), $"engine '{task.Engine}' cannot run spec tests on this node");
        }

        var loaded = SpecSuite.Load(task.SpecSuite ?? "");
        if (!loaded.Succeeded)
        {
            return Failed(task, engine.Info.Identity, loaded.Error);
        }

        var suite = loaded.Value;
        var script = new SpecScript(suite.Name, task.Workload.Name, task.Workload.ModulePath);
        SpecScriptResult spec;
        if (child is not null && engine.RunsInThisProcess)
        {
            var isolated = await child.RunAsync(new SpecScriptRequest(task.Engine, suite, script.RelativePath, script.FullPath), cancellationToken);
            if (!isolated.Succeeded)
            {
                return Failed(task, engine.Info.Identity, $"{script.RelativePath} on {task.Engine}: {isolated.Error}");
            }

            spec = isolated.Value!;
        }
        else
        {
            spec = await Task.Run(() => suite.RunScript(engine, script, ConformanceLimits.Default, cancellationToken), cancellationToken);
        }

        return new TaskResult(task.RunId, task.TaskIndex, engine.Info.Identity, task.Workload.Name, Worker.MachineInfo.Fingerprint, [], [], OutputVerdict.NotChecked, null, spec);
    }

    private static TaskResult Failed(WorkTask task, EngineIdentity engine, string error) =>
        new(task.RunId, task.TaskIndex, engine, task.Workload.Name, Worker.MachineInfo.Fingerprint, [], [], OutputVerdict.NotChecked, error);
}
