using ArxivDigest.AppHost;
using ArxivDigest.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);
var settings = new ForwardedSettings(builder.Configuration);

// Infrastructure
var cache = builder.AddRedisServer(ResourceNames.Cache);

// Services
var ingest = builder.AddProject<Projects.Ingest>(ResourceNames.Ingest)
    .WithReference(cache).WaitFor(cache)
    .WithForwarded(settings, "Ingest__Source", "Ingest__ReplayDirectory", "Ingest__ArchiveDirectory");

var scoring = builder.AddProject<Projects.Scoring>(ResourceNames.Scoring)
    .WithReference(cache).WaitFor(cache)
    .WithForwarded(settings, "OpenAI__Endpoint", "OpenAI__Model", "Scoring__Judge")
    .WithApiKey(builder, settings);

var render = builder.AddProject<Projects.Render>(ResourceNames.Render)
    .WithEnvironment("Render__OutputRoot", settings.OutputRoot);

// The pipeline runner
builder.AddProject<Projects.Digest>(ResourceNames.Digest)
    .WithReference(ingest).WaitFor(ingest)
    .WithReference(scoring).WaitFor(scoring)
    .WithReference(render).WaitFor(render)
    .WithEnvironment("Digest__Serve", "true")
    .WithEnvironment("Digest__StateDirectory", Path.Combine(settings.OutputRoot, "runs"))
    .WithForwarded(settings, "Digest__Date", "Digest__Categories", "Digest__Profile", "Digest__DailyAt", "Digest__TimeZone", "Digest__RunAtStart")
    .WithRunNowCommand();

builder.Build().Run();
