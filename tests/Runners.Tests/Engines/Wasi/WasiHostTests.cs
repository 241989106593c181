using System.Buffers.Binary;
using System.Text;
using WasmBench.Runners.Engines.Interp.Wasi;

namespace WasmBench.Runners.Tests.Engines.Wasi;

/// <summary>The engine-independent WASI host over a plain byte array as guest memory.</summary>
public sealed class WasiHostTests : IDisposable
{
    private readonly byte[] _memory = new byte[4096];
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("wasmbench-wasi-");
    private readonly WasiHost _host;

    public WasiHostTests()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "input.txt"), "forty-two");
        _host = new WasiHost(["prog", "small"], _dir.FullName, () => _memory);
    }

    public void Dispose() => _dir.Delete(true);

    private int PathOpen(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        bytes.CopyTo(_memory, 100);
        return _host.PathOpen(3, 0, 100, bytes.Length, 0, 0, 0, 0, 200);
    }

    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(_memory.AsSpan(at));

    [Fact]
    public void Args_are_the_stem_then_the_arguments()
    {
        Assert.Equal(0, _host.ArgsSizesGet(0, 4));
        Assert.Equal(2u, U32(0));
        Assert.Equal(11u, U32(4));
        Assert.Equal(0, _host.ArgsGet(16, 64));
        Assert.Equal("prog\0small\0", Encoding.UTF8.GetString(_memory, 64, 11));
        Assert.Equal(64u, U32(16));
        Assert.Equal(69u, U32(20));
    }

    [Fact]
    public void Reads_a_file_of_the_preopened_folder()
    {
        Assert.Equal(WasiErrno.Success, PathOpen("input.txt"));
        var fd = (int)U32(200);
        BinaryPrimitives.WriteUInt32LittleEndian(_memory.AsSpan(300), 400);
        BinaryPrimitives.WriteUInt32LittleEndian(_memory.AsSpan(304), 64);
        Assert.Equal(WasiErrno.Success, _host.FdRead(fd, 300, 1, 320));
        Assert.Equal(9u, U32(320));
        Assert.Equal("forty-two", Encoding.UTF8.GetString(_memory, 400, 9));
        Assert.Equal(WasiErrno.Success, _host.FdClose(fd));
        Assert.Equal(WasiErrno.Badf, _host.FdRead(fd, 300, 1, 320));
    }

    [Theory]
    [InlineData("link/passwd")]
    [InlineData("flink")]
    [InlineData("up/etc/passwd")]
    [InlineData("sub/back/flink")]
    public void Refuses_a_symbolic_link_that_leaves_the_preopened_folder(string path)
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "sub"));
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "link"), "/etc");
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "flink"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "up"), "../../../../../../../../..");
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "sub", "back"), "..");

        Assert.Equal(WasiErrno.Notcapable, PathOpen(path));
    }

    [Fact]
    public void Follows_a_symbolic_link_that_stays_inside()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "sub"));
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "sub", "again"), "../input.txt");

        Assert.Equal(WasiErrno.Success, PathOpen("sub/again"));
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../x")]
    public void Refuses_paths_that_escape_the_preopen(string path) =>
        Assert.Equal(WasiErrno.Notcapable, PathOpen(path));

    [Fact]
    public void Missing_files_and_writes_are_refused()
    {
        Assert.Equal(WasiErrno.Noent, PathOpen("nope.txt"));
        var bytes = Encoding.UTF8.GetBytes("new.txt");
        bytes.CopyTo(_memory, 100);
        Assert.Equal(WasiErrno.Rofs, _host.PathOpen(3, 0, 100, bytes.Length, 1, 0, 0, 0, 200));
    }

    [Fact]
    public void Stdout_and_stderr_are_captured()
    {
        Encoding.UTF8.GetBytes("out").CopyTo(_memory, 500);
        BinaryPrimitives.WriteUInt32LittleEndian(_memory.AsSpan(300), 500);
        BinaryPrimitives.WriteUInt32LittleEndian(_memory.AsSpan(304), 3);
        Assert.Equal(0, _host.FdWrite(1, 300, 1, 320));
        Assert.Equal(0, _host.FdWrite(2, 300, 1, 320));
        Assert.Equal(3u, U32(320));
        Assert.Equal("out", _host.Stdout);
        Assert.Equal("out", _host.Stderr);
    }

    [Fact]
    public void Proc_exit_unwinds_with_the_code() =>
        Assert.Equal(3, Assert.Throws<WasiExitException>(() => _host.ProcExit(3)).Code);
}
