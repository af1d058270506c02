using ArxivDigest.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

// Redis, the digest runner, the secrets and the settings forwarded to each service arrive with
// issue #5; for now the AppHost starts the three services side by side.
var ingest = builder.AddProject<Projects.Ingest>(ResourceNames.Ingest)
    .WithEnvironment("Ingest__Source", builder.Configuration["Ingest:Source"] ?? "Rss")
    .WithEnvironment("Ingest__ReplayDirectory", builder.Configuration["Ingest:ReplayDirectory"] ?? string.Empty);

builder.AddProject<Projects.Scoring>(ResourceNames.Scoring);
builder.AddProject<Projects.Render>(ResourceNames.Render);

builder.Build().Run();
