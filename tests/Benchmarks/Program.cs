using BenchmarkDotNet.Running;
using WasmBench.Benchmarks;

if (args.Length > 0 && args[0] is StartupCost.Flag or "--startup-cost-child")
{
    return StartupCost.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(StartupCost).Assembly).Run(args);
return 0;
