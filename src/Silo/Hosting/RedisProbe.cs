using StackExchange.Redis;

namespace WasmBench.Silo.Hosting;

/// <summary>
/// Asks the farm's Redis for a PING before a silo is built on it, so that a wrong or dead
/// <c>--redis</c> is one clear line within seconds rather than a silo that hangs while it starts.
/// </summary>
public static class RedisProbe
{
    /// <summary>How long the probe waits for Redis to answer.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>Null when Redis at <paramref name="configuration"/> (host:port, or a StackExchange.Redis configuration) answers; else the line to print.</summary>
    public static async Task<string?> CheckAsync(string configuration, CancellationToken cancellationToken)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException e)
        {
            return $"--redis must be host:port (got '{Security.Quote.Short(configuration)}'): {e.Message}";
        }

        if (options.EndPoints.Count == 0)
        {
            return $"--redis must be host:port (got '{Security.Quote.Short(configuration)}').";
        }

        // Only the endpoints are shown: the configuration may carry a password.
        var address = string.Join(",", options.EndPoints.Select(EndPointCollection.ToString));

        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = (int)Patience.TotalMilliseconds;
        options.SyncTimeout = options.AsyncTimeout = (int)Patience.TotalMilliseconds;
        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connecting.CancelAfter(Patience * 2);
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(connecting.Token);
            await connection.GetDatabase().PingAsync().WaitAsync(connecting.Token);
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or System.Net.Sockets.SocketException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var why = e is RedisConnectionException connection ? connection.FailureType.ToString() : $"no answer within {Patience.TotalSeconds:0} s";
            return $"cannot reach Redis at {address} (--redis: {why}): check that redis-server is running there, listens on that address and port, and that this machine may connect to it.";
        }
    }
}
