using ArxivDigest.Ingest;
using ArxivDigest.Ingest.Grpc;
using ArxivDigest.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(activitySources: [IngestTelemetry.Name], meters: [IngestTelemetry.Name]);
builder.AddIngestServices();
builder.Services.AddGrpc();
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks();

var app = builder.Build();

app.MapGrpcService<IngestGrpcService>();
app.MapGrpcReflectionService();
app.MapGrpcHealthChecksService();
app.MapDefaultEndpoints();

return app.RunOrExplain();

