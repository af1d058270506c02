using ArxivDigest.Contracts.V1;
using ArxivDigest.Scoring.Tests.Support;
using ArxivDigest.TestSupport;
using Grpc.Core;

namespace ArxivDigest.Scoring.Tests.Local;

/// <summary>RecordFeedback: the history the local judge learns from, and the retraining it triggers.</summary>
public sealed class FeedbackTests() : ScoringTestBase(("OPENAI_API_KEY", ""))
{
    [Fact]
    public async Task Feedback_on_a_real_day_trains_the_local_judge_which_then_says_it_learned()
    {
        var request = ScoringApp.FeedbackFromPicks("2025-06-02");

        var response = await App.Client.RecordFeedbackAsync(request);
        var again = await App.Client.RecordFeedbackAsync(new RecordFeedbackRequest { Items = { request.Items.Take(5) } });
        var (verdicts, usage) = await App.ScoreAsync(ScoringApp.Day("2025-06-05", 30));

        Assert.Equal((366, 40, true), (response.HistorySize, response.Positives, response.Retrained));
        Assert.Equal((366, false), (again.HistorySize, again.Retrained));
        Assert.Equal("local", usage.Judge);
        Assert.All(verdicts, v => Assert.Contains("learned from 366 past verdicts", v.Comment));
    }

    [Fact]
    public async Task A_small_history_keeps_the_zero_shot_judge()
    {
        var request = ScoringApp.FeedbackFromPicks("2025-06-02");
        var few = new RecordFeedbackRequest { Items = { request.Items.Take(20) } };

        var response = await App.Client.RecordFeedbackAsync(few);
        var (verdicts, _) = await App.ScoreAsync(ScoringApp.Day("2025-06-05", 5));

        Assert.Equal((20, false), (response.HistorySize, response.Retrained));
        Assert.All(verdicts, v => Assert.Contains("(zero-shot)", v.Comment));
    }

    [Theory]
    [InlineData("no-id", "items[1].paper.arxiv_id")]
    [InlineData("no-abstract", "items[1].paper.abstract")]
    [InlineData("no-paper", "items[1].paper")]
    [InlineData("empty", "items")]
    public async Task Bad_feedback_is_an_invalid_argument_naming_the_item_and_records_nothing(string flaw, string field)
    {
        var request = new RecordFeedbackRequest { Items = { ScoringApp.FeedbackFromPicks("2025-06-02").Items.Take(3) } };
        switch (flaw)
        {
            case "no-id": request.Items[1].Paper.ArxivId = " "; break;
            case "no-abstract": request.Items[1].Paper.Abstract = ""; break;
            case "no-paper": request.Items[1].Paper = null; break;
            case "empty": request.Items.Clear(); break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => App.Client.RecordFeedbackAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field + ":", error.Status.Detail);
        var after = await App.Client.RecordFeedbackAsync(new RecordFeedbackRequest { Items = { ScoringApp.FeedbackFromPicks("2025-06-02").Items.Skip(100).Take(1) } });
        Assert.Equal(1, after.HistorySize);
    }
}
