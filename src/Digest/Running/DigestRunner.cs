using System.Diagnostics;
using ArxivDigest.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Digest.Running;

/// <summary>
/// Runs one day: Ingest ListAnnouncements, then Scoring ScorePapers (streamed, with progress),
/// then Render RenderDigest, all under one trace. It refuses to publish a misleading digest:
/// zero LLM tokens on a scanned day with the LLM judge, or too many FAILED verdicts, fail the
/// run before anything is rendered.
/// </summary>
public sealed partial class DigestRunner(
    IngestService.IngestServiceClient ingest,
    ScoringService.ScoringServiceClient scoring,
    RenderService.RenderServiceClient render,
    IOptionsMonitor<DigestOptions> options,
    ILogger<DigestRunner> logger)
{
    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var watch = Stopwatch.StartNew();
        using var activity = DigestTelemetry.Source.StartActivity("digest.run", ActivityKind.Internal);
        activity?.SetTag("arxiv.categories", settings.Categories);
        activity?.SetTag("digest.profile", settings.Profile ?? "default");

        var request = new ListAnnouncementsRequest { Date = settings.Date ?? string.Empty };
        request.Categories.AddRange(settings.CategoryList);
        ListAnnouncementsResponse day;
        try
        {
            LogFetching(string.Join(", ", settings.CategoryList), string.IsNullOrEmpty(settings.Date) ? "the latest announcement" : settings.Date);
            day = await ingest.ListAnnouncementsAsync(request, deadline: DateTime.UtcNow + settings.IngestTimeout, cancellationToken: cancellationToken);
        }
        catch (RpcException ex)
        {
            var hint = ex.StatusCode is StatusCode.Unavailable or StatusCode.DataLoss or StatusCode.FailedPrecondition
                ? " To replay a saved day instead, set Ingest__Source=replay, Ingest__ReplayDirectory=<folder of saved days, e.g. ../shared/fixtures/arxiv> and Digest__Date=<YYYY-MM-DD>."
                : string.Empty;
            return Finish(new RunResult(RunOutcome.NotFetched, settings.Date ?? string.Empty, $"The day's announcements could not be fetched ({ex.StatusCode}): {ex.Status.Detail}.{hint} No digest was written.", Elapsed: watch.Elapsed), activity);
        }

        activity?.SetTag("digest.date", day.Date);
        if (day.NoAnnouncement)
        {
            var noDay = await RenderAsync(day, [], new Usage { Judge = "none" }, null, cancellationToken);
            return Finish(new RunResult(RunOutcome.Succeeded, day.Date, $"arXiv announced nothing on {day.Date}; a notice page was written.", Files: noDay.WrittenPaths, Elapsed: watch.Elapsed), activity);
        }

        LogFetched(day.Date, day.Papers.Count, day.Scanned, day.TotalEntries, day.Source);
        ProfileDescription profile;
        List<PaperVerdict> verdicts;
        Usage usage;
        try
        {
            profile = await scoring.DescribeProfileAsync(new DescribeProfileRequest { Profile = settings.Profile ?? string.Empty }, cancellationToken: cancellationToken);
            (verdicts, usage) = await ScoreAsync(day, settings, cancellationToken);
        }
        catch (RpcException ex)
        {
            return Finish(new RunResult(RunOutcome.Failed, day.Date, $"Scoring refused the day ({ex.StatusCode}): {ex.Status.Detail} No digest was written.", day.Papers.Count, Elapsed: watch.Elapsed), activity);
        }

        var failed = verdicts.Count(v => v.Verdict == Verdict.Failed);
        var result = new RunResult(RunOutcome.Succeeded, day.Date, string.Empty, day.Papers.Count,
            verdicts.Count(v => v.Verdict is Verdict.Selected or Verdict.AuthorMatch), failed, usage.LlmCalls, usage.CacheHits,
            usage.PromptTokens, usage.CachedPromptTokens, usage.CompletionTokens,
            usage.CostKnown ? usage.PromptCostUsd + usage.CompletionCostUsd : null, usage.Judge, usage.Model);

        if (failed > settings.MaxFailedShare * day.Papers.Count)
        {
            var reason = verdicts.First(v => v.Verdict == Verdict.Failed).FailureReason;
            return Finish(result with { Outcome = RunOutcome.Misleading, Elapsed = watch.Elapsed, Message = $"{failed} of {day.Papers.Count} papers could not be judged (more than Digest:MaxFailedShare = {settings.MaxFailedShare:P0}); first reason: {reason}. No digest was written; a re-run pays only for what was not cached." }, activity);
        }

        if (usage.Judge != "local" && day.Papers.Count > 0 && usage.PromptTokens + usage.CompletionTokens == 0 && usage.CacheHits == 0)
        {
            return Finish(result with { Outcome = RunOutcome.Misleading, Elapsed = watch.Elapsed, Message = $"Scoring used no LLM tokens and no cached verdicts for {day.Papers.Count} papers: the judge did not run. No digest was written; fix the Scoring service and run the day again." }, activity);
        }

        var byId = day.Papers.ToDictionary(p => p.ArxivId);
        var selected = verdicts.Where(v => v.Verdict is Verdict.Selected or Verdict.AuthorMatch && byId.ContainsKey(v.ArxivId))
            .Select(v => new ScoredPaper { Paper = byId[v.ArxivId], Verdict = v }).ToList();
        var rendered = await RenderAsync(day, selected, usage, profile, cancellationToken);
        return Finish(result with { Elapsed = watch.Elapsed, Files = rendered.WrittenPaths, Message = $"Digest of {day.Date} written." }, activity);
    }

    private async Task<(List<PaperVerdict> Verdicts, Usage Usage)> ScoreAsync(ListAnnouncementsResponse day, DigestOptions settings, CancellationToken cancellationToken)
    {
        var request = new ScorePapersRequest { Profile = settings.Profile ?? string.Empty };
        request.Papers.AddRange(day.Papers);
        using var call = scoring.ScorePapers(request, deadline: DateTime.UtcNow + settings.ScoringTimeout, cancellationToken: cancellationToken);
        var verdicts = new List<PaperVerdict>(day.Papers.Count);
        Usage? usage = null;
        var step = Math.Max(1, day.Papers.Count / 10);
        await foreach (var update in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (update.UpdateCase == ScoreUpdate.UpdateOneofCase.Usage)
            {
                usage = update.Usage;
                continue;
            }

            verdicts.Add(update.Verdict);
            if (verdicts.Count % step == 0 || verdicts.Count == day.Papers.Count)
            {
                LogProgress(verdicts.Count, day.Papers.Count, verdicts.Count(v => v.Verdict is Verdict.Selected or Verdict.AuthorMatch));
            }
        }

        return (verdicts, usage ?? throw new InvalidOperationException("The Scoring stream ended without its Usage message."));
    }

    private async Task<RenderDigestResponse> RenderAsync(ListAnnouncementsResponse day, List<ScoredPaper> selected, Usage usage, ProfileDescription? profile, CancellationToken cancellationToken)
    {
        var request = new RenderDigestRequest
        {
            Date = day.Date,
            Usage = usage,
            TotalEntries = day.TotalEntries,
            Scanned = day.Scanned,
            UniquePapers = day.Papers.Count,
            NoAnnouncement = day.NoAnnouncement,
            SystemPrompt = profile?.SystemPrompt ?? string.Empty,
            UserPrompt = profile?.UserPrompt ?? string.Empty,
        };
        request.Papers.AddRange(selected);
        return await render.RenderDigestAsync(request, deadline: DateTime.UtcNow + options.CurrentValue.RenderTimeout, cancellationToken: cancellationToken);
    }

    private static RunResult Finish(RunResult result, Activity? activity)
    {
        activity?.SetTag("digest.outcome", result.Outcome.ToString());
        activity?.SetTag("digest.papers", result.Papers);
        activity?.SetTag("digest.selected", result.Selected);
        if (result.Outcome != RunOutcome.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Message);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetching {Categories} for {Date}")]
    private partial void LogFetching(string categories, string date);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Date}: {Papers} distinct papers ({Scanned} scanned of {Total} announced) from {Source}")]
    private partial void LogFetched(string date, int papers, int scanned, int total, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Done}/{Total} papers, {Selected} selected so far")]
    private partial void LogProgress(int done, int total, int selected);
}
