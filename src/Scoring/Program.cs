using ArxivDigest.Scoring;
using ArxivDigest.Scoring.Grpc;
using ArxivDigest.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(activitySources: [ScoringTelemetry.Name], meters: [ScoringTelemetry.Name]);
builder.AddScoringServices();
builder.Services.AddGrpc();
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks();

var app = builder.Build();

app.MapGrpcService<ScoringGrpcService>();
app.MapGrpcReflectionService();
app.MapGrpcHealthChecksService();
app.MapDefaultEndpoints();

return app.RunOrExplain();
