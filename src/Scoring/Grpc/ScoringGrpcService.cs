using System.Threading.Channels;
using ArxivDigest.Contracts.V1;
using ArxivDigest.Scoring.Caching;
using ArxivDigest.Scoring.Judging;
using ArxivDigest.Scoring.Local;
using ArxivDigest.Scoring.Pricing;
using ArxivDigest.Scoring.Profiles;
using ArxivDigest.ServiceDefaults;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Grpc;

/// <summary>The ScoringService gRPC endpoint: validates, runs the pipeline, streams verdicts, then the usage.</summary>
public sealed partial class ScoringGrpcService(
    ScoringPipeline pipeline,
    ProfileStore profiles,
    VerdictCache cache,
    LlmClient llm,
    LocalJudge local,
    JudgeHistory history,
    LearnedModels learned,
    PricingTable pricing,
    IOptions<ScoringOptions> options,
    IOptions<OpenAiOptions> openAi,
    IHostApplicationLifetime lifetime,
    ILogger<ScoringGrpcService> logger) : ScoringService.ScoringServiceBase
{
    public override async Task ScorePapers(ScorePapersRequest request, IServerStreamWriter<ScoreUpdate> responseStream, ServerCallContext context)
    {
        var profile = FindProfile(request.Profile);
        var papers = ToModels(request.Papers);
        var useLocal = UsesLocalJudge();
        if (!useLocal && !llm.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                "Scoring:Judge is llm but OPENAI_API_KEY is not set on the Scoring service, so there is no LLM judge to score with (Scoring__Judge=local or auto uses the local judge)."));
        }

        var model = ModelFor(profile);
        var tally = new UsageTally();
        var channel = Channel.CreateUnbounded<Judgement>(new UnboundedChannelOptions { SingleReader = true });
        var run = Task.Run(async () =>
        {
            try
            {
                if (useLocal)
                {
                    await pipeline.RunLocalAsync(profile, papers, channel.Writer, context.CancellationToken);
                }
                else
                {
                    await pipeline.RunAsync(profile, model, papers, channel.Writer, tally, context.CancellationToken);
                }

                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        });

        await foreach (var judgement in channel.Reader.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new ScoreUpdate { Verdict = ToMessage(judgement) });
        }

        await run;
        await responseStream.WriteAsync(new ScoreUpdate { Usage = useLocal ? LocalUsage() : ToUsage(model, tally) });
        if (!useLocal)
        {
            // The LLM's verdicts just joined the history; the local judge may learn from them,
            // in the background, stopping with the service.
            _ = RetrainInBackgroundAsync(profile);
        }
    }

    public override async Task<GetScoresResponse> GetScores(GetScoresRequest request, ServerCallContext context)
    {
        var profile = FindProfile(request.Profile);
        if (request.ArxivIds.Count == 0)
        {
            RpcErrors.InvalidArgument("arxiv_ids", "at least one arXiv id is required");
        }

        if (request.ArxivIds.Count > options.Value.MaxPapersPerRequest)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"arxiv_ids: {request.ArxivIds.Count} ids, more than the {options.Value.MaxPapersPerRequest} a request may hold (Scoring:MaxPapersPerRequest)"));
        }

        var ids = request.ArxivIds.Select((raw, i) => ReplyParser.NormalizeId(raw) ?? RpcErrors.InvalidArgument<string>($"arxiv_ids[{i}]", "is empty")).ToList();
        if (!cache.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "The Scoring service has no verdict cache (ConnectionStrings__cache is not set)."));
        }

        var cached = await cache.GetAsync(VerdictCache.Key(profile.ContentHash, ModelFor(profile)), ids)
            ?? throw new RpcException(new Status(StatusCode.Unavailable, "The verdict cache (Redis) cannot be reached."));

        var response = new GetScoresResponse();
        for (var i = 0; i < ids.Count; i++)
        {
            if (cached[i] is { } entry)
            {
                response.Verdicts.Add(ToMessage(Verdicts.Decide(ids[i], entry, profile.Settings, fromCache: true)));
            }
            else
            {
                response.MissingIds.Add(ids[i]);
            }
        }

        return response;
    }

    public override Task<ProfileDescription> DescribeProfile(DescribeProfileRequest request, ServerCallContext context)
    {
        var profile = FindProfile(request.Profile);
        var useLocal = UsesLocalJudge();
        return Task.FromResult(new ProfileDescription
        {
            Name = profile.Name,
            Model = useLocal ? local.Model : ModelFor(profile),
            RelevanceCutoff = profile.Settings.RelevanceCutoff,
            NoveltyCutoff = profile.Settings.NoveltyCutoff,
            TitleFilter = profile.Settings.TitleFilter,
            // The local judge sends no prompt: what it measured papers against is the criteria text.
            SystemPrompt = useLocal ? LocalJudge.PromptNote : profile.SystemPrompt,
            UserPrompt = useLocal ? profile.Topics : PromptBuilder.AbstractTemplate(profile),
            ContentHash = profile.ContentHash,
            Judge = useLocal ? "local" : "llm",
        });
    }

    private async Task RetrainInBackgroundAsync(CriteriaProfile profile)
    {
        try
        {
            await learned.MaybeRetrainAsync(profile, lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The service is stopping; the history is kept and training happens next time.
        }
        catch (Exception ex)
        {
            LogRetrainFailed(profile.Name, ex.Message);
        }
    }

    public override async Task<RecordFeedbackResponse> RecordFeedback(RecordFeedbackRequest request, ServerCallContext context)
    {
        var profile = FindProfile(request.Profile);
        if (request.Items.Count == 0)
        {
            RpcErrors.InvalidArgument("items", "at least one feedback item is required");
        }

        var entries = new List<HistoryEntry>(request.Items.Count);
        for (var i = 0; i < request.Items.Count; i++)
        {
            var paper = request.Items[i].Paper ?? RpcErrors.InvalidArgument<Paper>($"items[{i}].paper", "is missing");
            var id = ReplyParser.NormalizeId(paper.ArxivId) ?? RpcErrors.InvalidArgument<string>($"items[{i}].paper.arxiv_id", "is empty");
            if (string.IsNullOrWhiteSpace(paper.Title))
            {
                RpcErrors.InvalidArgument($"items[{i}].paper.title", $"paper {id} has no title");
            }

            if (string.IsNullOrWhiteSpace(paper.Abstract))
            {
                RpcErrors.InvalidArgument($"items[{i}].paper.abstract", $"paper {id} has no abstract to learn from");
            }

            entries.Add(new HistoryEntry(id, Math.Max(1, paper.Version), paper.Title.Trim(), paper.Abstract.Trim(), request.Items[i].Relevant, "feedback", PaperToJudge.CategoriesOf(paper.PrimaryCategory, paper.Categories)));
        }

        await history.AddAsync(profile.Name, entries);
        var retrained = await learned.MaybeRetrainAsync(profile, context.CancellationToken);
        var all = await history.GetAsync(profile.Name);
        return new RecordFeedbackResponse { HistorySize = all.Count, Positives = all.Count(e => e.Positive), Retrained = retrained };
    }

    private CriteriaProfile FindProfile(string name)
    {
        if (!profiles.TryGet(name, out var profile))
        {
            RpcErrors.InvalidArgument("profile", $"'{name}' is not a profile configured on this server (known: {string.Join(", ", profiles.Names.Order())})");
        }

        return profile;
    }

    private bool UsesLocalJudge() => options.Value.Judge == "local" || (options.Value.Judge == "auto" && !llm.IsConfigured);

    private Usage LocalUsage() => new() { Model = local.Model, Judge = "local", CostKnown = true };

    private string ModelFor(CriteriaProfile profile) => profile.Settings.Model ?? openAi.Value.Model;

    private List<PaperToJudge> ToModels(IReadOnlyList<Paper> papers)
    {
        if (papers.Count == 0)
        {
            RpcErrors.InvalidArgument("papers", "at least one paper is required");
        }

        if (papers.Count > options.Value.MaxPapersPerRequest)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"papers: {papers.Count} papers, more than the {options.Value.MaxPapersPerRequest} a request may hold (Scoring:MaxPapersPerRequest)"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var models = new List<PaperToJudge>(papers.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            var paper = papers[i];
            var id = ReplyParser.NormalizeId(paper.ArxivId) ?? RpcErrors.InvalidArgument<string>($"papers[{i}].arxiv_id", "is empty");
            if (string.IsNullOrWhiteSpace(paper.Title))
            {
                RpcErrors.InvalidArgument($"papers[{i}].title", $"paper {id} has no title");
            }

            // A paper sent twice is judged once and gets one verdict.
            if (seen.Add(id))
            {
                models.Add(new PaperToJudge(id, Math.Max(1, paper.Version), paper.Title.Trim(), paper.Authors, paper.Abstract ?? string.Empty, PaperToJudge.CategoriesOf(paper.PrimaryCategory, paper.Categories)));
            }
        }

        return models;
    }

    private static PaperVerdict ToMessage(Judgement judgement) => new()
    {
        ArxivId = judgement.Id,
        Verdict = judgement.Kind switch
        {
            VerdictKind.Selected => Verdict.Selected,
            VerdictKind.RejectedByTitle => Verdict.RejectedByTitle,
            VerdictKind.RejectedByScore => Verdict.RejectedByScore,
            VerdictKind.AuthorMatch => Verdict.AuthorMatch,
            VerdictKind.RejectedByPrefilter => Verdict.RejectedByPrefilter,
            _ => Verdict.Failed,
        },
        Relevance = judgement.Relevance,
        Novelty = judgement.Novelty,
        Comment = judgement.Comment,
        Score = judgement.Score,
        FromCache = judgement.FromCache,
        FailureReason = judgement.FailureReason,
    };

    private Usage ToUsage(string model, UsageTally tally)
    {
        var known = pricing.TryGetCost(model, tally.PromptTokens, tally.CachedPromptTokens, tally.CompletionTokens, out var promptCost, out var completionCost);
        return new Usage
        {
            Model = model,
            PromptTokens = tally.PromptTokens,
            CachedPromptTokens = tally.CachedPromptTokens,
            CompletionTokens = tally.CompletionTokens,
            PromptCostUsd = (double)promptCost,
            CompletionCostUsd = (double)completionCost,
            CostKnown = known,
            LlmCalls = tally.Calls,
            CacheHits = tally.CacheHits,
            Judge = "llm",
            PrefilteredPapers = tally.Prefiltered,
            PrefilterSavedPromptTokens = tally.SentToLlm == 0 ? 0 : tally.PromptTokens * tally.Prefiltered / tally.SentToLlm,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retraining the local judge for profile {Profile} failed: {Problem}")]
    private partial void LogRetrainFailed(string profile, string problem);
}
