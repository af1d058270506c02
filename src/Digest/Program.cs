using System.Text.Json.Serialization;
using ArxivDigest.Digest;
using ArxivDigest.Digest.Running;
using ArxivDigest.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--date"] = "Digest:Date",
    ["--categories"] = "Digest:Categories",
    ["--profile"] = "Digest:Profile",
    ["--serve"] = "Digest:Serve",
});

builder.AddServiceDefaults(activitySources: [DigestTelemetry.Name]);
var serve = builder.Configuration.GetValue<bool>("Digest:Serve");
if (!serve)
{
    // A one-off run from the command line listens on a free port, beside any serving runner.
    builder.Configuration["Kestrel:Endpoints:http:Url"] = "http://127.0.0.1:0";
}

builder.AddDigestRunner();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
if (serve)
{
    builder.Services.AddHostedService<DigestScheduler>();
}

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapPost("/runs", async (RunGate gate, CancellationToken cancellationToken) =>
    await gate.TryRunAsync(cancellationToken) is { } result
        ? Results.Json(result, statusCode: result.Outcome == RunOutcome.Succeeded ? 200 : 500)
        : Results.Conflict(new { message = "A run is already in progress." }));

if (serve)
{
    return app.RunOrExplain();
}

// Command-line use: one run, then the exit code says how it went.
return await app.RunOnceAsync(async services =>
{
    var result = await services.GetRequiredService<RunGate>().TryRunAsync(CancellationToken.None);
    return (int)(result?.Outcome ?? RunOutcome.Failed);
});
