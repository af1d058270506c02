using System.Threading.Channels;
using ArxivDigest.Scoring.Caching;
using ArxivDigest.Scoring.Local;
using ArxivDigest.Scoring.Profiles;
using Microsoft.Extensions.Options;

namespace ArxivDigest.Scoring.Judging;

/// <summary>
/// Judges the papers of one request: author matches, then the verdict cache, then the optional
/// title pass, then abstract scoring in concurrent batches. Every paper gets exactly one
/// verdict, written to <paramref name="output"/> as soon as it is known: papers a reply leaves
/// out or gets wrong go into follow-up batches, a reply that cannot be read is split in half and
/// retried, and what still has no verdict after the repair rounds is FAILED with the reason.
/// </summary>
public sealed partial class ScoringPipeline(
    LlmClient llm,
    LocalJudge local,
    JudgeHistory history,
    VerdictCache cache,
    IOptions<ScoringOptions> options,
    ILogger<ScoringPipeline> logger)
{
    public async Task RunAsync(
        CriteriaProfile profile, string model, IReadOnlyList<PaperToJudge> papers,
        ChannelWriter<Judgement> output, UsageTally tally, CancellationToken cancellationToken)
    {
        var run = new ScoringRun(profile, model, output, tally, new PromptBuilder(options.Value.MaxAbstractChars), options.Value.MaxConcurrency);
        var cacheKey = VerdictCache.Key(profile.ContentHash, model);

        var remaining = EmitAuthorMatches(run, papers);
        remaining = await EmitCachedAsync(run, cacheKey, remaining);
        remaining = await PrefilterAsync(run, remaining, cancellationToken);
        tally.AddSentToLlm(remaining.Count);

        if (profile.Settings.TitleFilter && remaining.Count > 0)
        {
            remaining = await FilterTitlesAsync(run, cacheKey, remaining, cancellationToken);
        }

        var batches = remaining.Chunk(profile.Settings.AbstractBatchSize).ToList();
        await Task.WhenAll(batches.Select(batch => ScoreAsync(run, cacheKey, batch, round: 0, cancellationToken)));
    }

    // Once the local judge has learned the profile, papers it scores below its threshold (which
    // keeps 95% of past picks) are set aside without an LLM call.
    private async Task<List<PaperToJudge>> PrefilterAsync(ScoringRun run, List<PaperToJudge> papers, CancellationToken cancellationToken)
    {
        if (await local.PrefilterScoresAsync(run.Profile, papers, cancellationToken) is not { } prefilter)
        {
            return papers;
        }

        var (scores, threshold) = prefilter;
        var kept = new List<PaperToJudge>(papers.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            if (scores[i] >= threshold)
            {
                kept.Add(papers[i]);
                continue;
            }

            run.Emit(new Judgement(papers[i].Id, VerdictKind.RejectedByPrefilter, 0, 0,
                $"Set aside by the local prefilter: score {scores[i]:0.000}, below {threshold:0.000}, the threshold that keeps 95% of this profile's past picks.")
            {
                LocalScore = scores[i],
            });
        }

        var setAside = papers.Count - kept.Count;
        run.Tally.AddPrefiltered(setAside);
        ScoringTelemetry.PrefilteredPapers.Add(setAside, new KeyValuePair<string, object?>("arxivdigest.profile", run.Profile.Name));
        LogPrefiltered(setAside, papers.Count);
        return kept;
    }

    /// <summary>Judges with the local judge: author matches, then every other paper on its embedding.</summary>
    public async Task RunLocalAsync(CriteriaProfile profile, IReadOnlyList<PaperToJudge> papers, ChannelWriter<Judgement> output, CancellationToken cancellationToken)
    {
        var run = new ScoringRun(profile, local.Model, output, new UsageTally(), new PromptBuilder(options.Value.MaxAbstractChars), options.Value.MaxConcurrency);
        var remaining = EmitAuthorMatches(run, papers);
        foreach (var judgement in await local.JudgeAsync(profile, remaining, cancellationToken))
        {
            run.Emit(judgement);
        }
    }

    private static List<PaperToJudge> EmitAuthorMatches(ScoringRun run, IReadOnlyList<PaperToJudge> papers)
    {
        if (run.Profile.Authors.Count == 0)
        {
            return papers.ToList();
        }

        var authors = run.Profile.Authors.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rest = new List<PaperToJudge>();
        foreach (var paper in papers)
        {
            var match = paper.Authors.FirstOrDefault(authors.Contains);
            if (match is null)
            {
                rest.Add(paper);
            }
            else
            {
                run.Emit(new Judgement(paper.Id, VerdictKind.AuthorMatch, 0, 0, $"Author match: {match}"));
            }
        }

        return rest;
    }

    private async Task<List<PaperToJudge>> EmitCachedAsync(ScoringRun run, string cacheKey, List<PaperToJudge> papers)
    {
        var cached = await cache.GetAsync(cacheKey, papers.Select(p => p.Id).ToList());
        if (cached is null)
        {
            return papers;
        }

        var misses = new List<PaperToJudge>();
        for (var i = 0; i < papers.Count; i++)
        {
            var entry = cached[i];
            var usable = entry is not null && entry.Version == papers[i].Version
                // A title rejection only stands while the profile still filters titles.
                && (entry.Stage != CachedVerdict.TitleStage || run.Profile.Settings.TitleFilter);
            if (usable)
            {
                run.Emit(Verdicts.Decide(papers[i].Id, entry!, run.Profile.Settings, fromCache: true));
            }
            else
            {
                misses.Add(papers[i]);
            }
        }

        var hits = papers.Count - misses.Count;
        run.Tally.AddCacheHits(hits);
        ScoringTelemetry.CacheLookups.Add(hits, new KeyValuePair<string, object?>("result", "hit"));
        ScoringTelemetry.CacheLookups.Add(misses.Count, new KeyValuePair<string, object?>("result", "miss"));
        return misses;
    }

    // The title pass can only save money: a batch whose call or reply fails passes all its papers on.
    private async Task<List<PaperToJudge>> FilterTitlesAsync(ScoringRun run, string cacheKey, List<PaperToJudge> papers, CancellationToken cancellationToken)
    {
        var batches = papers.Chunk(run.Profile.Settings.TitleBatchSize).ToList();
        var rejected = await Task.WhenAll(batches.Select(async batch =>
        {
            var ids = batch.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var reply = await run.CallAsync(llm, Stage.Title, batch, cancellationToken);
            var names = reply is null ? null : ReplyParser.ParseTitleRejections(reply.Text, ids);
            if (reply is not null && names is null)
            {
                LogUnreadableTitleReply(batch.Length);
            }

            return names ?? new HashSet<string>();
        }));

        var rejectedIds = rejected.SelectMany(r => r).ToHashSet(StringComparer.Ordinal);
        var entries = new List<(string, CachedVerdict)>();
        foreach (var paper in papers.Where(p => rejectedIds.Contains(p.Id)))
        {
            var verdict = new CachedVerdict(paper.Version, CachedVerdict.TitleStage, 0, 0, Verdicts.TitleRejectionComment);
            entries.Add((paper.Id, verdict));
            run.Emit(Verdicts.Decide(paper.Id, verdict, run.Profile.Settings, fromCache: false));
        }

        await cache.SetAsync(cacheKey, entries);
        await history.AddAsync(run.Profile.Name, papers.Where(p => rejectedIds.Contains(p.Id)).Select(p => ToHistory(p, positive: false)).ToList());
        return papers.Where(p => !rejectedIds.Contains(p.Id)).ToList();
    }

    private async Task ScoreAsync(ScoringRun run, string cacheKey, IReadOnlyList<PaperToJudge> batch, int round, CancellationToken cancellationToken)
    {
        LlmReply? reply;
        try
        {
            reply = await run.CallAsync(llm, Stage.Abstract, batch, cancellationToken, throwOnFailure: true);
        }
        catch (LlmCallException ex)
        {
            foreach (var paper in batch)
            {
                run.Emit(Judgement.Failed(paper.Id, $"LLM call failed: {ex.Message}"));
            }

            return;
        }

        var ids = batch.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var (lines, problems) = ReplyParser.ParseScores(reply!.Text, ids);
        var canRepair = round < options.Value.MaxRepairRounds;
        if (lines.Count == 0 && batch.Count > 1 && canRepair)
        {
            ScoringTelemetry.LlmErrors.Add(1, new KeyValuePair<string, object?>("error.type", "unparseable"));
            LogSplitting(batch.Count, round + 1);
            var half = batch.Count / 2;
            await Task.WhenAll(
                ScoreAsync(run, cacheKey, batch.Take(half).ToList(), round + 1, cancellationToken),
                ScoreAsync(run, cacheKey, batch.Skip(half).ToList(), round + 1, cancellationToken));
            return;
        }

        var versions = batch.ToDictionary(p => p.Id, p => p.Version, StringComparer.Ordinal);
        var entries = lines.Select(line => (line.Id, new CachedVerdict(versions[line.Id], CachedVerdict.AbstractStage, line.Relevance, line.Novelty, line.Comment))).ToList();
        await cache.SetAsync(cacheKey, entries);
        var byId = batch.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var decided = entries.Select(e => Verdicts.Decide(e.Item1, e.Item2, run.Profile.Settings, fromCache: false)).ToList();
        await history.AddAsync(run.Profile.Name, decided.Select(j => ToHistory(byId[j.Id], j.Kind == VerdictKind.Selected)).ToList());
        foreach (var judgement in decided)
        {
            run.Emit(judgement);
        }

        var answered = lines.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var missing = batch.Where(p => !answered.Contains(p.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        if (canRepair)
        {
            LogRepairing(missing.Count, round + 1);
            await ScoreAsync(run, cacheKey, missing, round + 1, cancellationToken);
            return;
        }

        var reason = problems.Count > 0
            ? $"no valid verdict after {round + 1} attempts; the last reply had: {string.Join("; ", problems.Take(3))}"
            : $"no valid verdict after {round + 1} attempts; the replies left the paper out";
        foreach (var paper in missing)
        {
            run.Emit(Judgement.Failed(paper.Id, reason));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local prefilter set aside {SetAside} of {Papers} papers before the LLM")]
    private partial void LogPrefiltered(int setAside, int papers);

    private static HistoryEntry ToHistory(PaperToJudge paper, bool positive) =>
        new(paper.Id, paper.Version, paper.Title, paper.Abstract, positive, "llm", paper.Categories);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reply for {Count} papers could not be read; retrying as two halves (round {Round})")]
    private partial void LogSplitting(int count, int round);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} papers had no valid verdict in their reply; asking again (round {Round})")]
    private partial void LogRepairing(int count, int round);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A title-filter reply for {Count} papers could not be read; they all go on to abstract scoring")]
    private partial void LogUnreadableTitleReply(int count);
}
