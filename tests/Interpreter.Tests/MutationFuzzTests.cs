using WasmBench.Interpreter.Model;
using WasmBench.Interpreter.Runtime;

namespace WasmBench.Interpreter.Tests;

/// <summary>
/// Robustness: randomly mutated valid modules go through decode, validate, instantiate and run
/// (small fuel, depth and memory limits). Any exception other than the documented results
/// (decode/validate/link outcomes, <see cref="TrapException"/>) fails the test.
/// </summary>
public sealed class MutationFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Mutants = 20_000;

    [Fact]
    public void Mutated_modules_never_escape_as_unexpected_exceptions()
    {
        byte[][] seeds = [TestModules.Arithmetic(), TestModules.Floats(), TestModules.HostAndLimits(), Wasm3Modules.TailCallsAndConstExprs(), Wasm3Modules.TwoMemories(), Wasm3Modules.Table64(), Wasm3Modules.RelaxedMadd(), Wasm3Modules.Memory64(), Wasm3Modules.TypedFuncRefs(), Wasm3Modules.Exceptions(), GcModules.Heap()];
        var random = new Random(20261123);
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < Mutants; i++)
        {
            var bytes = Mutate(seeds[i % seeds.Length], random);
            var outcome = Run(bytes);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine(Describe(counts));

        // The mutants must exercise every stage, not only the decoder.
        Assert.True(counts.GetValueOrDefault("malformed") > 500, Describe(counts));
        Assert.True(counts.GetValueOrDefault("ran") > 500, Describe(counts));
    }

    private static string Describe(Dictionary<string, int> counts) =>
        string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = (byte[])seed.Clone();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(8, bytes.Length);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes[at] = (byte)(bytes[at] + random.Next(-2, 3));
                    break;
                default:
                    bytes = [.. bytes[..at], .. bytes[(at + 1)..]];
                    break;
            }
        }

        return bytes;
    }

    private static string Run(byte[] bytes)
    {
        var compiled = WasmEngine.Compile(bytes);
        if (compiled.Module is not { } module)
        {
            return compiled.Error!.Value.ToString().ToLowerInvariant();
        }

        var store = new Store(new StoreLimits(MaxCallDepth: 200, MaxMemoryPages: 4, MaxTableSize: 1000, StackSlots: 1 << 16, Fuel: 20_000));
        var inst = WasmEngine.Instantiate(store, module, Resolver(store));
        if (inst.Instance is not { } instance)
        {
            return "not instantiated";
        }

        foreach (var export in instance.Exports.Values)
        {
            if (export.Function is not { } f)
            {
                continue;
            }

            var args = new ulong[f.Type.Params.Length];
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = (ulong)i * 3;
            }

            try
            {
                store.Invoke(f, args);
            }
            catch (TrapException)
            {
            }
            catch (UncaughtException)
            {
                // An exception no handler caught: an expected outcome of a call, like a trap.
            }
        }

        return "ran";
    }

    /// <summary>Satisfies every import with the host function [i32] -> [i32] (mismatches are unlinkable).</summary>
    private static ImportResolver Resolver(Store store)
    {
        var host = new ExternValue(ExternKind.Func, store.CreateHostFunction(new FuncType([ValType.I32], [ValType.I32]), (a, r) => r[0] = a[0]));
        return (_, _) => host;
    }
}
