namespace NewsMonitor.Cli;

/// <summary>Exit codes of every command (contract): users' scripts branch on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran, but part of its input failed (e.g. some feed could not be read).</summary>
    public const int PartialFailure = 1;

    /// <summary>The command line or an input file was wrong; nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C (SIGINT) before it finished, as shells expect (128 + 2).</summary>
    public const int Canceled = 130;
}
