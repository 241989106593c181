using WasmBench.Runners.Measurement;

namespace WasmBench.Runners.Tests.Measurement;

public sealed class MeasuringCpuTests
{
    [Fact]
    public async Task A_reservation_keeps_every_thread_of_this_process_off_the_measuring_CPU_until_it_is_disposed()
    {
        var before = CpuAffinity.Current();
        Assert.NotEmpty(before); // Linux: the tests run there (CI, the development machine)
        if (before.Count < 2)
        {
            Assert.Null(MeasuringCpu.TryReserve()); // nothing to set aside on one CPU
            return;
        }

        IReadOnlyList<int> onThisThread, onAnotherThread, onANewThread;
        MeasuringCpu? second;
        int reserved;
        using (var reservation = MeasuringCpu.TryReserve())
        {
            Assert.NotNull(reservation);
            reserved = reservation.Cpu;
            onThisThread = CpuAffinity.Current();
            onAnotherThread = await Task.Run(CpuAffinity.Current);
            var thread = new Thread(() => onANewThread = CpuAffinity.Current());
            onANewThread = [];
            thread.Start();
            thread.Join();
            second = MeasuringCpu.TryReserve();
        }

        Assert.Equal(before[^1], reserved);
        Assert.Equal(before.Take(before.Count - 1), onThisThread);
        Assert.DoesNotContain(reserved, onAnotherThread);
        Assert.Equal(before.Take(before.Count - 1), onANewThread);
        Assert.Null(second); // one reservation at a time
        Assert.Equal(before, CpuAffinity.Current());
        Assert.Equal(before, await Task.Run(CpuAffinity.Current));
    }
}
