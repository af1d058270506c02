namespace ArxivDigest.AppHost;

public static class RedisServerExtensions
{
    /// <summary>
    /// Adds Redis as a <c>redis-server</c> executable on a proxied endpoint, persistence off,
    /// exposing its connection string like any Aspire Redis resource (ConnectionStrings__{name}).
    /// </summary>
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name)
    {
        var redis = new RedisServerResource(name);
        return builder.AddResource(redis)
            .WithEndpoint(name: RedisServerResource.EndpointName, scheme: "tcp", isProxied: true)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--save");
                context.Args.Add(string.Empty);
                context.Args.Add("--appendonly");
                context.Args.Add("no");
            });
    }
}
