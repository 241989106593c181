using WasmBench.Analysis.Statistics;

namespace WasmBench.Analysis.Tests.Statistics;

public sealed class BenjaminiHochbergTests
{
    [Fact]
    public void Adjusts_step_up_and_keeps_the_order()
    {
        // Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4); m = 4.
        // Raw p*m/rank: 0.02, 0.02, 0.04, 0.04; cumulative minimum from the top keeps them.
        var q = BenjaminiHochberg.Adjust([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.02, 0.04, 0.04, 0.02], q, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_larger_p_value_never_gets_a_smaller_q_value()
    {
        // 0.02 * 3 / 2 = 0.03 but 0.021 * 3 / 3 = 0.021: the step-up minimum gives 0.021 to both.
        var q = BenjaminiHochberg.Adjust([0.001, 0.02, 0.021]);

        Assert.Equal(0.003, q[0], 12);
        Assert.Equal(0.021, q[1], 12);
        Assert.Equal(0.021, q[2], 12);
    }

    [Fact]
    public void Never_exceeds_one() => Assert.All(BenjaminiHochberg.Adjust([0.9, 0.95, 1.0]), q => Assert.True(q <= 1));
}
