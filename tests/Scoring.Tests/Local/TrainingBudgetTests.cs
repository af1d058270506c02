using ArxivDigest.Scoring.Tests.Support;

namespace ArxivDigest.Scoring.Tests.Local;

/// <summary>A long history trains on its newest papers only, so training time stays bounded.</summary>
public sealed class TrainingBudgetTests() : ScoringTestBase(("OPENAI_API_KEY", ""), ("LocalJudge:MaxTrainingPapers", "200"))
{
    [Fact]
    public async Task Training_uses_at_most_the_budget_and_retraining_counts_growth_of_the_whole_history()
    {
        var feedback = ScoringApp.FeedbackFromPicks("2025-06-02");

        var first = await App.Client.RecordFeedbackAsync(feedback);
        var (verdicts, _) = await App.ScoreAsync(ScoringApp.Day("2025-06-05", 25));
        var repeated = await App.Client.RecordFeedbackAsync(feedback);

        Assert.Equal((366, true), (first.HistorySize, first.Retrained));
        Assert.Contains(App.Logs.Lines, l => l.Contains("trained on 200 labelled papers (40 positive; the history holds 366)"));
        Assert.All(verdicts, v => Assert.Contains("learned from 200 past verdicts", v.Comment));
        // The history did not grow, so the same feedback again does not retrain, although 366 > 200.
        Assert.False(repeated.Retrained);
    }
}
