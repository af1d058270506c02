using ArxivDigest.Scoring.Tests.Support;

namespace ArxivDigest.Scoring.Tests.Local;

/// <summary>A long history is trimmed and trains on its newest papers only, so Redis and training time stay bounded.</summary>
public sealed class TrainingBudgetTests() : ScoringTestBase(
    ("OPENAI_API_KEY", ""), ("LocalJudge:MaxTrainingPapers", "100"), ("LocalJudge:MaxHistory", "300"))
{
    [Fact]
    public async Task The_history_keeps_its_positives_when_trimmed_and_training_uses_at_most_the_budget()
    {
        var feedback = ScoringApp.FeedbackFromPicks("2025-06-02");

        var first = await App.Client.RecordFeedbackAsync(feedback);
        var (verdicts, _) = await App.ScoreAsync(ScoringApp.Day("2025-06-05", 25));
        var repeated = await App.Client.RecordFeedbackAsync(feedback);

        // 366 papers, 40 of them picks, over a cap of 300: trimmed to 270, every pick kept.
        Assert.Equal((270, 40, true), (first.HistorySize, first.Positives, first.Retrained));
        Assert.Contains(App.Logs.Lines, l => l.Contains("trimmed by its 96 oldest papers"));
        Assert.Contains(App.Logs.Lines, l => l.Contains("trained on 100 labelled papers (40 positive; the history holds 270)"));
        Assert.All(verdicts, v => Assert.Contains("learned from 100 past verdicts", v.Comment));
        // Sending the same feedback again re-adds the trimmed papers and trims again; the history did not grow.
        Assert.False(repeated.Retrained);
    }
}
