namespace NewsMonitor.Backtest;

/// <summary>A backtest request that cannot run; <see cref="Position"/> is set for a query that does not parse.</summary>
public sealed class BacktestException(string message, int? position = null) : Exception(message)
{
    public int? Position { get; } = position;
}
