using ArxivDigest.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddGrpc();
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks();

var app = builder.Build();

// The service implementation arrives with its own issue; health and reflection already answer.
app.MapGrpcReflectionService();
app.MapGrpcHealthChecksService();
app.MapDefaultEndpoints();

return app.RunOrExplain();
