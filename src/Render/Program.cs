using ArxivDigest.Render;
using ArxivDigest.Render.Grpc;
using ArxivDigest.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRenderServices();
builder.Services.AddGrpc();
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks();

var app = builder.Build();

app.MapGrpcService<RenderGrpcService>();
app.MapGrpcReflectionService();
app.MapGrpcHealthChecksService();
app.MapDefaultEndpoints();

return app.RunOrExplain();
