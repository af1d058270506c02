using System.Diagnostics.CodeAnalysis;
using Grpc.Core;

namespace ArxivDigest.ServiceDefaults;

/// <summary>Throw helpers that turn bad requests into gRPC INVALID_ARGUMENT errors naming the field.</summary>
public static class RpcErrors
{
    [DoesNotReturn]
    public static void InvalidArgument(string field, string problem) =>
        throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));

    [DoesNotReturn]
    public static T InvalidArgument<T>(string field, string problem) =>
        throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"));
}
