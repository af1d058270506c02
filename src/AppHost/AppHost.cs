using ArxivDigest.AppHost;
using ArxivDigest.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);
var settings = new ForwardedSettings(builder.Configuration);
StartupBanner.Print(settings);

// Infrastructure
var cache = builder.AddRedisServer(ResourceNames.Cache, Path.Combine(settings.OutputRoot, "redis"));

// Services
var ingest = builder.AddProject<Projects.Ingest>(ResourceNames.Ingest)
    .WithReference(cache).WaitFor(cache)
    .WithForwarded(settings, "Ingest__Source", "Ingest__ReplayDirectory", "Ingest__ArchiveDirectory");

// Scoring scales on its own: each replica is a resource of its own, so that the runner's gRPC
// client, given every replica's address, spreads its calls (one proxy in front of replicas
// would pin an HTTP/2 connection, and with it every call, to one of them).
var scoringReplicas = Enumerable.Range(1, settings.ScoringReplicas).Select(i =>
    builder.AddProject<Projects.Scoring>(i == 1 ? ResourceNames.Scoring : $"{ResourceNames.Scoring}-{i}")
        .WithReference(cache).WaitFor(cache)
        .WithForwarded(settings, "OpenAI__Endpoint", "OpenAI__Model", "Scoring__Judge")
        .WithApiKey(builder, settings)).ToList();

var render = builder.AddProject<Projects.Render>(ResourceNames.Render)
    .WithEnvironment("Render__OutputRoot", settings.OutputRoot);

// The pipeline runner
builder.AddProject<Projects.Digest>(ResourceNames.Digest)
    .WithReference(ingest).WaitFor(ingest)
    .WithScoringReplicas(scoringReplicas)
    .WithReference(render).WaitFor(render)
    .WithEnvironment("Digest__Serve", "true")
    .WithEnvironment("Digest__StateDirectory", Path.Combine(settings.OutputRoot, "runs"))
    .WithForwarded(settings, "Digest__Date", "Digest__Categories", "Digest__Profile", "Digest__DailyAt", "Digest__TimeZone", "Digest__RunAtStart")
    .WithRunNowCommand();

var app = builder.Build();
RunnerConsoleEcho.Start(app, ResourceNames.Digest);
app.Run();
