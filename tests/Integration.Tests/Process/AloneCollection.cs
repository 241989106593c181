namespace WasmBench.Integration.Tests.Process;

/// <summary>Tests that must have the machine to themselves: xunit runs this collection after the parallel ones, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
