using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ArxivDigest.ServiceDefaults;

/// <summary>Redis as every ArxivDigest service uses it: a cache that may be missing or down.</summary>
public static class RedisExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectionMultiplexer"/> for the "cache" connection string when one
    /// is configured, and reports whether it did. The connection never aborts the process: with
    /// Redis down, commands fail fast and the caller carries on without its cache.
    /// </summary>
    public static bool AddOptionalRedisClient(this IHostApplicationBuilder builder, TimeSpan? commandTimeout = null)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ResourceNames.Cache)))
        {
            return false;
        }

        var timeout = (int)(commandTimeout ?? TimeSpan.FromSeconds(2)).TotalMilliseconds;
        builder.AddRedisClient(
            ResourceNames.Cache,
            settings => settings.DisableHealthChecks = true,
            options =>
            {
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = timeout;
                options.SyncTimeout = timeout;
                options.AsyncTimeout = timeout;
                options.ConnectRetry = 1;
            });
        return true;
    }
}
