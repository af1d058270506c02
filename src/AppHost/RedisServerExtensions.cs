namespace ArxivDigest.AppHost;

public static class RedisServerExtensions
{
    /// <summary>
    /// Adds Redis as a <c>redis-server</c> executable on a proxied endpoint, exposing its connection
    /// string like any Aspire Redis resource (ConnectionStrings__{name}). Its data is kept in
    /// <paramref name="dataDirectory"/> (an append-only file, written every second), so the verdict
    /// cache, the local judge's history and models, and cached embeddings survive a restart.
    /// </summary>
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var redis = new RedisServerResource(name);
        return builder.AddResource(redis)
            .WithEndpoint(name: RedisServerResource.EndpointName, scheme: "tcp", isProxied: true)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--dir");
                context.Args.Add(dataDirectory);
                context.Args.Add("--save");
                context.Args.Add(string.Empty);
                context.Args.Add("--appendonly");
                context.Args.Add("yes");
                context.Args.Add("--appendfsync");
                context.Args.Add("everysec");
            });
    }
}
