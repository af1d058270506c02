namespace ArxivDigest.AppHost;

/// <summary>
/// Redis as a plain <c>redis-server</c> process (from apt), for machines without a container
/// runtime: AddRedis alone would report "Runtime unhealthy" there and hand out a connection
/// string to a port with nothing behind it.
/// </summary>
public sealed class RedisServerResource(string name)
    : ExecutableResource(name, "redis-server", "."), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)},abortConnect=false");
}
