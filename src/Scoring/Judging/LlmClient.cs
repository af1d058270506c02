using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using ArxivDigest.Scoring.Pricing;

namespace ArxivDigest.Scoring.Judging;

/// <summary>
/// Chat completions through the official OpenAI SDK, with this service's own rules: the shared
/// rate limiter before every attempt; 429 waits as retry-after-ms / Retry-After say; 5xx and
/// timeouts back off exponentially with jitter; a per-call timeout sized for long generations;
/// temperature 0; a span per attempt with the GenAI attributes; the key never in any message.
/// </summary>
public sealed partial class LlmClient(
    IOptions<ScoringOptions> options,
    IOptions<OpenAiOptions> openAi,
    LlmApiKey apiKey,
    LlmRateLimiter limiter,
    PricingTable pricing,
    ILogger<LlmClient> logger)
{
    private readonly ConcurrentDictionary<string, ChatClient> clients = new(StringComparer.Ordinal);
    private readonly SecretRedactor redactor = new(apiKey.Value);

    public bool IsConfigured => apiKey.Value is not null;

    public async Task<LlmReply> CompleteAsync(LlmRequest request, UsageTally tally, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = clients.GetOrAdd(request.Model, CreateClient);
        var chatOptions = new ChatCompletionOptions
        {
            Temperature = 0,
            MaxOutputTokenCount = request.MaxOutputTokens,
            ResponseFormat = settings.StructuredOutputs
                ? ChatResponseFormat.CreateJsonSchemaFormat(request.SchemaName, request.Schema, jsonSchemaIsStrict: true)
                : null,
        };
        ChatMessage[] messages = [new SystemChatMessage(request.SystemPrompt), new UserChatMessage(request.UserPrompt)];
        var estimate = ((request.SystemPrompt.Length + request.UserPrompt.Length) / 4) + request.MaxOutputTokens;

        for (var attempt = 1; ; attempt++)
        {
            await limiter.WaitAsync(estimate, cancellationToken);
            var (reply, wait, problem) = await AttemptAsync(client, messages, chatOptions, request, attempt, tally, cancellationToken);
            if (reply is not null)
            {
                return reply;
            }

            if (wait is null || attempt >= settings.MaxCallAttempts)
            {
                throw new LlmCallException($"{problem} (after {attempt} attempt{(attempt == 1 ? "" : "s")})", retryable: wait is not null);
            }

            if (wait > settings.MaxRetryAfter)
            {
                throw new LlmCallException($"{problem}; the endpoint asked to wait {wait.Value.TotalSeconds:0} s, longer than Scoring:MaxRetryAfter", retryable: true);
            }

            LogRetrying(request.Stage, request.BatchSize, attempt, problem, wait.Value.TotalSeconds);
            await Task.Delay(wait.Value, cancellationToken);
        }
    }

    private async Task<(LlmReply? Reply, TimeSpan? Wait, string Problem)> AttemptAsync(
        ChatClient client, ChatMessage[] messages, ChatCompletionOptions chatOptions, LlmRequest request, int attempt, UsageTally tally, CancellationToken cancellationToken)
    {
        using var activity = ScoringTelemetry.Source.StartActivity($"chat {request.Model}", ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.system", "openai");
        activity?.SetTag("gen_ai.request.model", request.Model);
        activity?.SetTag("gen_ai.request.temperature", 0);
        activity?.SetTag("gen_ai.request.max_tokens", request.MaxOutputTokens);
        activity?.SetTag("arxivdigest.stage", request.Stage);
        activity?.SetTag("arxivdigest.profile", request.Profile);
        activity?.SetTag("arxivdigest.batch_size", request.BatchSize);
        activity?.SetTag("arxivdigest.attempt", attempt);

        tally.AddCall();
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CallTimeout);
        try
        {
            ClientResult<ChatCompletion> result = await client.CompleteChatAsync(messages, chatOptions, timeout.Token);
            var completion = result.Value;
            Record(request, completion, tally, activity);
            ScoringTelemetry.LlmLatency.Record(watch.Elapsed.TotalSeconds, Tag("gen_ai.request.model", request.Model), Tag("arxivdigest.stage", request.Stage));
            activity?.SetStatus(ActivityStatusCode.Ok);
            var text = string.Concat(completion.Content.Where(c => c.Kind == ChatMessageContentPartKind.Text).Select(c => c.Text));
            return (new LlmReply(text, completion.Model ?? request.Model), null, string.Empty);
        }
        catch (ClientResultException ex)
        {
            var kind = ex.Status switch { 429 => "rate_limited", 408 or 0 or >= 500 => "server_error", _ => "rejected" };
            var problem = $"HTTP {ex.Status} from the LLM endpoint: {redactor.Redact(FirstLine(ex.Message))}";
            Fail(activity, kind, problem, request);
            TimeSpan? wait = kind switch
            {
                "rate_limited" => RetryAfter(ex.GetRawResponse()) ?? Backoff(attempt),
                "server_error" => Backoff(attempt),
                _ => null,
            };
            return (null, wait, problem);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = $"no reply within {options.Value.CallTimeout.TotalSeconds:0} s (Scoring:CallTimeout)";
            Fail(activity, "timeout", problem, request);
            return (null, Backoff(attempt), problem);
        }
        catch (HttpRequestException ex)
        {
            var problem = $"the LLM endpoint could not be reached: {redactor.Redact(ex.Message)}";
            Fail(activity, "unreachable", problem, request);
            return (null, Backoff(attempt), problem);
        }
    }

    private void Record(LlmRequest request, ChatCompletion completion, UsageTally tally, Activity? activity)
    {
        var usage = completion.Usage;
        long prompt = usage?.InputTokenCount ?? 0;
        long cached = usage?.InputTokenDetails?.CachedTokenCount ?? 0;
        long output = usage?.OutputTokenCount ?? 0;
        tally.AddTokens(prompt, cached, output);

        activity?.SetTag("gen_ai.response.model", completion.Model);
        activity?.SetTag("gen_ai.response.id", completion.Id);
        activity?.SetTag("gen_ai.response.finish_reasons", new[] { completion.FinishReason.ToString() });
        activity?.SetTag("gen_ai.usage.input_tokens", prompt);
        activity?.SetTag("gen_ai.usage.output_tokens", output);
        activity?.SetTag("gen_ai.usage.cache_read.input_tokens", cached);

        KeyValuePair<string, object?>[] tags = [Tag("gen_ai.request.model", request.Model), Tag("arxivdigest.profile", request.Profile), Tag("arxivdigest.stage", request.Stage)];
        ScoringTelemetry.PromptTokens.Add(prompt, tags);
        ScoringTelemetry.CachedPromptTokens.Add(cached, tags);
        ScoringTelemetry.CompletionTokens.Add(output, tags);
        if (pricing.TryGetCost(request.Model, prompt, cached, output, out var promptCost, out var completionCost))
        {
            ScoringTelemetry.CostUsd.Add((double)(promptCost + completionCost), tags);
        }
    }

    private void Fail(Activity? activity, string kind, string problem, LlmRequest request)
    {
        activity?.SetStatus(ActivityStatusCode.Error, problem);
        activity?.SetTag("error.type", kind);
        ScoringTelemetry.LlmErrors.Add(1, Tag("error.type", kind), Tag("gen_ai.request.model", request.Model));
        LogCallFailed(request.Stage, request.BatchSize, kind, problem);
    }

    private static TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.TryGetValue("Retry-After", out var after))
        {
            if (double.TryParse(after, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(after, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, attempt - 1)) * (0.75 + (Random.Shared.NextDouble() * 0.5)));

    private ChatClient CreateClient(string model)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // Retries and timeouts are this class's own; the SDK's defaults would stack on top.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Our own per-call timeout fires first and is reported as such.
            NetworkTimeout = options.Value.CallTimeout + TimeSpan.FromSeconds(10),
        };
        if (!string.IsNullOrWhiteSpace(openAi.Value.Endpoint))
        {
            clientOptions.Endpoint = new Uri(openAi.Value.Endpoint);
        }

        var key = apiKey.Value ?? throw new InvalidOperationException("OPENAI_API_KEY is not set.");
        return new ChatClient(model, new ApiKeyCredential(key), clientOptions);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM call for {Stage} ({BatchSize} papers) failed ({Kind}): {Problem}")]
    private partial void LogCallFailed(string stage, int batchSize, string kind, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {Stage} ({BatchSize} papers) after attempt {Attempt} ({Problem}) in {DelaySeconds:0.0} s")]
    private partial void LogRetrying(string stage, int batchSize, int attempt, string problem, double delaySeconds);
}
