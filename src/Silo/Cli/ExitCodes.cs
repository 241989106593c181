namespace WasmBench.Silo.Cli;

/// <summary>Exit codes shared by every verb.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The verb ran and found what it guards against (a regression, a failing run).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: unknown suite or engine, unreadable file, bad option.</summary>
    public const int Usage = 2;
}
