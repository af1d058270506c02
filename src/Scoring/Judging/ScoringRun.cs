using System.Threading.Channels;
using ArxivDigest.Scoring.Profiles;

namespace ArxivDigest.Scoring.Judging;

/// <summary>The state of one ScorePapers request: its profile and model, its output, its tally and its batches in flight.</summary>
public sealed class ScoringRun(
    CriteriaProfile profile, string model, ChannelWriter<Judgement> output, UsageTally tally, PromptBuilder prompts, int maxConcurrency)
{
    private readonly SemaphoreSlim inFlight = new(maxConcurrency, maxConcurrency);

    public CriteriaProfile Profile => profile;

    public UsageTally Tally => tally;

    public void Emit(Judgement judgement)
    {
        ScoringTelemetry.Papers.Add(1,
            new KeyValuePair<string, object?>("arxivdigest.verdict", judgement.Kind.ToString()),
            new KeyValuePair<string, object?>("arxivdigest.profile", profile.Name));
        output.TryWrite(judgement);
    }

    /// <summary>
    /// Makes one call within this request's concurrency. A failed call returns null, or throws
    /// <see cref="LlmCallException"/> when <paramref name="throwOnFailure"/> is set.
    /// </summary>
    public async Task<LlmReply?> CallAsync(LlmClient llm, Stage stage, IReadOnlyList<PaperToJudge> batch, CancellationToken cancellationToken, bool throwOnFailure = false)
    {
        var request = stage == Stage.Title
            ? new LlmRequest(model, profile.Name, "title", profile.SystemPrompt, prompts.TitlePrompt(profile, batch), batch.Count,
                MaxOutputTokens: 64 + (24 * batch.Count), "title_rejections", ReplySchemas.TitleRejections)
            : new LlmRequest(model, profile.Name, "abstract", profile.SystemPrompt, prompts.AbstractPrompt(profile, batch), batch.Count,
                MaxOutputTokens: 128 + (160 * batch.Count), "paper_scores", ReplySchemas.Scores);

        await inFlight.WaitAsync(cancellationToken);
        try
        {
            return await llm.CompleteAsync(request, tally, cancellationToken);
        }
        catch (LlmCallException) when (!throwOnFailure)
        {
            return null;
        }
        finally
        {
            inFlight.Release();
        }
    }
}
