using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArxivDigest.TestSupport.FakeOpenAi;

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 for tests and benchmarks. It reads
/// the papers out of the prompt (between the "=== PAPER id ===" delimiters, or the "id: title"
/// lines of the title pass) and answers from a deterministic judge, reporting usage the way
/// OpenAI does (prompt, cached and completion tokens). Each call's behaviour can be scripted:
/// messy text, missing or wrong ids, HTTP errors with Retry-After, delays; and a latency model
/// with a cap on calls in flight (429 beyond) stands in for a real provider.
/// </summary>
public sealed partial class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ChatCall> calls = new();
    private readonly ConcurrentDictionary<string, byte> seenPrefixes = new();
    private int callCount;
    private int inFlight;
    private int maxObservedInFlight;

    private FakeOpenAiServer(WebApplication app) => this.app = app;

    /// <summary>The value for OpenAI__Endpoint.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>Scripts each call (numbered from 1); default: a correct answer.</summary>
    public Func<ChatCall, FakeReply> Script { get; set; } = _ => FakeReply.Normal;

    /// <summary>Relevance and novelty the fake model gives a paper.</summary>
    public Func<FakePaper, (int Relevance, int Novelty)> Judge { get; set; } = DefaultJudge;

    /// <summary>Whether the title pass names a paper as irrelevant.</summary>
    public Func<FakePaper, bool> TitleIrrelevant { get; set; } = _ => false;

    /// <summary>Time a call takes, from the completion tokens it produces; none by default.</summary>
    public Func<int, TimeSpan>? Latency { get; set; }

    /// <summary>False: answer with zero usage, as a broken or stripped-down endpoint might.</summary>
    public bool ReportUsage { get; set; } = true;

    /// <summary>Calls allowed in flight at once; more are answered 429 with retry-after-ms.</summary>
    public int? MaxInFlight { get; set; }

    public IReadOnlyList<ChatCall> Calls => calls.OrderBy(c => c.Number).ToList();

    public int MaxObservedInFlight => Volatile.Read(ref maxObservedInFlight);

    public static (int Relevance, int Novelty) DefaultJudge(FakePaper paper)
    {
        var hash = StableHash(paper.Id);
        return (1 + (int)(hash % 10), 1 + (int)(hash / 10 % 10));
    }

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = app.Urls.First() + "/v1";
        return server;
    }

    public void ResetCalls()
    {
        calls.Clear();
        Interlocked.Exchange(ref maxObservedInFlight, 0);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        var call = ReadCall(body, context.Request.Headers.Authorization.ToString(), Interlocked.Increment(ref callCount));
        calls.Enqueue(call);

        var now = Interlocked.Increment(ref inFlight);
        try
        {
            UpdateMax(now);
            if (MaxInFlight is { } cap && now > cap)
            {
                await WriteError(context, 429, new Dictionary<string, string> { ["retry-after-ms"] = "200" }, "Rate limit reached: too many requests in flight");
                return;
            }

            var reply = Script(call);
            switch (reply)
            {
                case FakeReply.Status status:
                    await WriteError(context, status.Code, status.Headers, status.Message);
                    return;
                case FakeReply.Delayed delayed:
                    await Task.Delay(delayed.Delay, context.RequestAborted);
                    reply = FakeReply.Normal;
                    break;
            }

            var text = reply is FakeReply.Raw raw ? raw.Text : Answer(call, (FakeReply.Answer)reply);
            var completionTokens = Math.Max(1, text.Length / 4);
            if (Latency is { } latency)
            {
                await Task.Delay(latency(completionTokens), context.RequestAborted);
            }

            await context.Response.WriteAsJsonAsync(Completion(call, text, completionTokens));
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout); nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private string Answer(ChatCall call, FakeReply.Answer answer)
    {
        if (call.Stage == "title")
        {
            var irrelevant = call.Papers.Where(TitleIrrelevant).Select(p => p.Id).ToList();
            return JsonSerializer.Serialize(new { irrelevant });
        }

        var lines = call.Papers.Select(p =>
        {
            var (relevance, novelty) = Judge(p);
            return new Dictionary<string, object?> { ["id"] = p.Id, ["relevance"] = relevance, ["novelty"] = novelty, ["comment"] = $"Judged {p.Id} on its abstract: it matches the closest topic only in part, with a method that extends earlier work." };
        }).ToList();
        lines = answer.Rewrite(call, lines);

        if (!answer.Messy)
        {
            return JsonSerializer.Serialize(new { verdicts = lines });
        }

        // What a model without structured outputs often writes: prose, a fence, JSON lines with
        // trailing commas and scores as strings.
        var text = new StringBuilder("Sure! Here are my assessments:\n```json\n");
        foreach (var line in lines)
        {
            text.Append("{\"ARXIVID\": \"").Append(line["id"]).Append("v1\", \"COMMENT\": ")
                .Append(JsonSerializer.Serialize(line.GetValueOrDefault("comment")))
                .Append(", \"RELEVANCE\": \"").Append(line["relevance"]).Append("\", \"NOVELTY\": ").Append(line["novelty"]).Append(",}\n");
        }

        return text.Append("```\nLet me know if you need anything else.").ToString();
    }

    private object Completion(ChatCall call, string text, int completionTokens)
    {
        var prefix = call.SystemPrompt + "\n" + PrefixOf(call.UserPrompt);
        var promptTokens = ReportUsage ? (call.SystemPrompt.Length + call.UserPrompt.Length) / 4 : 0;
        completionTokens = ReportUsage ? completionTokens : 0;
        var prefixTokens = prefix.Length / 4;
        // OpenAI caches prompts of 1,024 tokens or more, in steps of 128, once a prefix was seen.
        var cached = ReportUsage && !seenPrefixes.TryAdd(prefix, 0) && prefixTokens >= 1024 ? prefixTokens / 128 * 128 : 0;
        return new
        {
            id = $"chatcmpl-{call.Number}",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model = call.Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
            usage = new
            {
                prompt_tokens = promptTokens,
                completion_tokens = completionTokens,
                total_tokens = promptTokens + completionTokens,
                prompt_tokens_details = new { cached_tokens = cached },
            },
        };
    }

    private static async Task WriteError(HttpContext context, int code, IReadOnlyDictionary<string, string>? headers, string message)
    {
        context.Response.StatusCode = code;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsJsonAsync(new { error = new { message, type = "fake_error", code = code.ToString() } });
    }

    private static ChatCall ReadCall(JsonNode body, string authorization, int number)
    {
        string Content(string role) => string.Join("\n", body["messages"]!.AsArray()
            .Where(m => (string?)m!["role"] == role)
            .Select(m => m!["content"] is JsonArray parts
                ? string.Concat(parts.Select(p => (string?)p!["text"]))
                : (string?)m!["content"] ?? string.Empty));

        var user = Content("user");
        var isAbstract = user.Contains("=== PAPER ", StringComparison.Ordinal);
        var papers = isAbstract
            ? PaperBlock().Matches(user).Select(m => new FakePaper(m.Groups["id"].Value, m.Groups["title"].Value, m.Groups["abstract"].Value)).ToList()
            : TitleLine().Matches(user[(user.IndexOf("## Titles", StringComparison.Ordinal) + 1)..]).Select(m => new FakePaper(m.Groups["id"].Value, m.Groups["title"].Value, string.Empty)).ToList();
        return new ChatCall(number, isAbstract ? "abstract" : "title", papers, (string?)body["model"] ?? string.Empty,
            Content("system"), user, body["temperature"]?.GetValue<double>(), body["response_format"]?["type"]?.GetValue<string>() == "json_schema",
            string.IsNullOrEmpty(authorization) ? null : authorization, DateTimeOffset.UtcNow);
    }

    private static string PrefixOf(string user)
    {
        var papers = user.IndexOf("## Papers", StringComparison.Ordinal);
        var titles = user.IndexOf("## Titles", StringComparison.Ordinal);
        var cut = papers >= 0 ? papers : titles;
        return cut >= 0 ? user[..cut] : user;
    }

    private void UpdateMax(int now)
    {
        int seen;
        while (now > (seen = Volatile.Read(ref maxObservedInFlight)) && Interlocked.CompareExchange(ref maxObservedInFlight, now, seen) != seen)
        {
        }
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    [GeneratedRegex(@"^=== PAPER (?<id>\S+) ===\nTitle: (?<title>[^\n]*)\nAuthors: [^\n]*\nAbstract: (?<abstract>[^\n]*)\n=== END \k<id> ===", RegexOptions.Multiline)]
    private static partial Regex PaperBlock();

    [GeneratedRegex(@"^(?<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}): (?<title>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
