extern alias ScoringServer;

using ScoringServer::ArxivDigest.Scoring.Judging;

namespace ArxivDigest.Scoring.Tests.Judging;

public sealed class ReplyParserTests
{
    private static readonly HashSet<string> Batch = ["2506.00001", "2506.00002", "math/0601001"];

    [Fact]
    public void The_structured_reply_is_read()
    {
        var (lines, problems) = ReplyParser.ParseScores(
            """{"verdicts": [{"id": "2506.00001", "relevance": 9, "novelty": 8, "comment": "Topic 2."}, {"id": "2506.00002", "relevance": 3, "novelty": 2, "comment": "None."}]}""", Batch);

        Assert.Empty(problems);
        Assert.Equal([new ScoreLine("2506.00001", 9, 8, "Topic 2."), new ScoreLine("2506.00002", 3, 2, "None.")], lines);
    }

    [Fact]
    public void Json_lines_in_a_fence_with_prose_trailing_commas_and_string_scores_are_read()
    {
        const string reply = """
            Here you go:
            ```json
            {"ARXIVID": "arXiv:2506.00001v2", "COMMENT": "Matches {topic} 1, with \"quotes\".", "RELEVANCE": "9", "NOVELTY": 7.0,},
            {"ARXIVID": "math/0601001v1", "COMMENT": "Off topic", "RELEVANCE": 2, "NOVELTY": "1",}
            ```
            Hope this helps!
            """;

        var (lines, problems) = ReplyParser.ParseScores(reply, Batch);

        Assert.Empty(problems);
        Assert.Equal([new ScoreLine("2506.00001", 9, 7, "Matches {topic} 1, with \"quotes\"."), new ScoreLine("math/0601001", 2, 1, "Off topic")], lines);
    }

    [Theory]
    [InlineData("0", "relevance")]
    [InlineData("11", "relevance")]
    [InlineData("7.5", "relevance")]
    [InlineData("\"high\"", "relevance")]
    [InlineData("null", "relevance")]
    public void Scores_that_are_not_whole_numbers_from_1_to_10_are_refused(string score, string _)
    {
        var (lines, problems) = ReplyParser.ParseScores($$"""{"id": "2506.00001", "relevance": {{score}}, "novelty": 5, "comment": "x"}""", Batch);

        Assert.Empty(lines);
        Assert.Contains("2506.00001 has relevance or novelty that is not a whole number from 1 to 10", problems);
    }

    [Fact]
    public void Ids_outside_the_batch_and_entries_without_ids_are_ignored_and_reported()
    {
        var (lines, problems) = ReplyParser.ParseScores(
            """[{"id": "2401.99999", "relevance": 10, "novelty": 10}, {"relevance": 5, "novelty": 5}, {"id": "2506.00002", "relevance": 4, "novelty": 4, "comment": "ok"}]""", Batch);

        Assert.Equal("2506.00002", Assert.Single(lines).Id);
        Assert.Contains("id 2401.99999 is not in the batch", problems);
        Assert.Contains("an entry without an id", problems);
    }

    [Fact]
    public void The_first_valid_entry_for_an_id_wins()
    {
        var (lines, _) = ReplyParser.ParseScores(
            """{"id": "2506.00001", "relevance": 3, "novelty": 3, "comment": "first"} {"id": "2506.00001", "relevance": 10, "novelty": 10, "comment": "second"}""", Batch);

        Assert.Equal("first", Assert.Single(lines).Comment);
    }

    [Theory]
    [InlineData("""{"irrelevant": ["2506.00001", "2401.99999"]}""", new[] { "2506.00001" })]
    [InlineData("""Sure: ["2506.00002v1", "math/0601001"]""", new[] { "2506.00002", "math/0601001" })]
    [InlineData("""```json\n{"irrelevant": []}\n```""", new string[0])]
    public void Title_rejections_are_read_and_kept_to_the_batch(string reply, string[] expected) =>
        Assert.Equal(expected.Order(), ReplyParser.ParseTitleRejections(reply, Batch)!.Order());

    [Fact]
    public void A_title_reply_without_json_is_unreadable() =>
        Assert.Null(ReplyParser.ParseTitleRejections("None of these look irrelevant.", Batch));
}
