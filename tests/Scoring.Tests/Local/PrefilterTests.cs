using ArxivDigest.Contracts.V1;
using ArxivDigest.Scoring.Tests.Support;
using ArxivDigest.TestSupport;

namespace ArxivDigest.Scoring.Tests.Local;

/// <summary>Once the local judge has learned a profile, it sets aside before the LLM what it scores too low.</summary>
public sealed class PrefilterTests() : ScoringTestBase
{
    [Fact]
    public async Task Learned_papers_below_the_threshold_never_reach_the_llm_and_are_counted_in_the_usage()
    {
        await App.Client.RecordFeedbackAsync(ScoringApp.FeedbackFromPicks("2025-06-02"));
        var papers = ScoringApp.Day("2025-06-05", 80);

        var (verdicts, usage) = await App.ScoreAsync(papers);

        var setAside = verdicts.Where(v => v.Verdict == Verdict.RejectedByPrefilter).ToList();
        Assert.InRange(setAside.Count, 8, 72);
        Assert.Equal(80, verdicts.Count);
        Assert.Equal(setAside.Count, usage.PrefilteredPapers);
        Assert.True(usage.PrefilterSavedPromptTokens > 0);
        var sent = Llm.Calls.Where(c => c.Stage == "abstract").SelectMany(c => c.Papers).Select(p => p.Id).ToHashSet();
        Assert.Equal(80 - setAside.Count, sent.Count);
        Assert.DoesNotContain(setAside, v => sent.Contains(v.ArxivId));
        Assert.All(setAside, v => Assert.StartsWith("Set aside by the local prefilter", v.Comment));
    }

    [Fact]
    public async Task Without_a_learned_model_every_paper_goes_to_the_llm()
    {
        var (verdicts, usage) = await App.ScoreAsync(ScoringApp.Day("2025-06-05", 20));

        Assert.Equal(0, usage.PrefilteredPapers);
        Assert.Equal(20, Llm.Calls.Where(c => c.Stage == "abstract").Sum(c => c.Papers.Count));
        Assert.DoesNotContain(verdicts, v => v.Verdict == Verdict.RejectedByPrefilter);
    }
}
