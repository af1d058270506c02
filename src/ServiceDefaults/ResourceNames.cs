namespace ArxivDigest.ServiceDefaults;

/// <summary>
/// Names of the AppHost's resources. Services, the runner and the tests use these to find
/// each other (connection strings and service discovery are keyed by them).
/// </summary>
public static class ResourceNames
{
    public const string Cache = "cache";
    public const string Ingest = "ingest";
    public const string Scoring = "scoring";
    public const string Render = "render";
    public const string Digest = "digest";

    /// <summary>Kestrel endpoint that serves gRPC (HTTP/2 only).</summary>
    public const string GrpcEndpoint = "grpc";

    /// <summary>Kestrel endpoint that serves health checks (HTTP/1).</summary>
    public const string HttpEndpoint = "http";
}
