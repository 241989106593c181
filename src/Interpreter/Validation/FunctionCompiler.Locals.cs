namespace WasmBench.Interpreter.Validation;

/// <summary>
/// Initialisation of non-defaultable locals (3.0, typed function references): a local of a
/// non-null reference type must be set before it is read. A set counts until the end of the
/// block it happened in, so the log of first sets is cut back when a block ends (or an
/// <c>else</c> starts).
/// </summary>
internal sealed partial class FunctionCompiler
{
    private readonly bool[] _init;
    private readonly List<int> _initLog = [];

    private void RequireInit(int local)
    {
        if (!_init[local])
        {
            throw Fail.Invalid("uninitialized local");
        }
    }

    private void MarkInit(int local)
    {
        if (!_init[local])
        {
            _init[local] = true;
            _initLog.Add(local);
        }
    }

    private void ForgetInits(int height)
    {
        for (var i = _initLog.Count - 1; i >= height; i--)
        {
            _init[_initLog[i]] = false;
        }

        _initLog.RemoveRange(height, _initLog.Count - height);
    }
}
