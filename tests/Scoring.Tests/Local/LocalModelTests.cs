extern alias ScoringServer;

using ScoringServer::ArxivDigest.Scoring.Local;

namespace ArxivDigest.Scoring.Tests.Local;

public sealed class LocalModelTests
{
    [Fact]
    public void Auc_is_the_share_of_positive_negative_pairs_in_order_with_ties_counting_half()
    {
        Assert.Equal(1.0, Ranking.RocAuc([0.9, 0.8, 0.1, 0.2], [true, true, false, false]));
        Assert.Equal(0.0, Ranking.RocAuc([0.1, 0.2, 0.9, 0.8], [true, true, false, false]));
        Assert.Equal(0.5, Ranking.RocAuc([0.5, 0.5], [true, false]));
        Assert.Equal(0.75, Ranking.RocAuc([0.9, 0.3, 0.5, 0.1], [true, true, false, false]));
        Assert.True(double.IsNaN(Ranking.RocAuc([0.5], [true])));
    }

    [Fact]
    public void The_threshold_keeps_the_asked_share_of_positives()
    {
        var positives = Enumerable.Range(1, 20).Select(i => i / 20.0).ToList();

        var threshold = Ranking.ThresholdKeeping(positives, 0.95);

        Assert.Equal(0.10, threshold, 9);
        Assert.Equal(19, positives.Count(p => p >= threshold));
    }

    [Fact]
    public void The_model_learns_a_direction_that_separates_rare_positives()
    {
        var random = new Random(7);
        var rows = new List<double[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 400; i++)
        {
            var positive = i % 10 == 0;
            rows.Add([random.NextDouble() + (positive ? 1.5 : 0), random.NextDouble(), random.NextDouble()]);
            labels.Add(positive);
        }

        var model = LogisticModel.Train(rows, labels, l2: 0.01);

        Assert.True(Ranking.RocAuc(rows.Select(model.Score).ToList(), labels) > 0.99);
        Assert.True(model.Score([2.5, 0.5, 0.5]) > 0.5);
        Assert.True(model.Score([0.2, 0.5, 0.5]) < 0.5);
    }

    [Fact]
    public void Training_without_rows_or_with_mismatched_labels_is_refused() =>
        Assert.Throws<ArgumentException>(() => LogisticModel.Train([[1.0]], [true, false]));

    [Fact]
    public void Topics_split_into_positive_topics_and_ruled_out_lines()
    {
        const string text = """
            ## What this researcher follows

            1. Model architecture
               - Of interest: mixture-of-experts routing.
               - Not of interest: tuning one benchmark.

            2. AI for science
               - Of interest: new simulation methods.

            Areas that are usually out of scope: robotics control, medical imaging.
            """;

        var topics = CriteriaTopics.Parse(text);

        Assert.Equal(["Model architecture", "AI for science"], topics.Positive.Select(t => t.Title));
        Assert.Contains("mixture-of-experts routing", topics.Positive[0].Text);
        Assert.DoesNotContain("tuning one benchmark", topics.Positive[0].Text);
        Assert.Equal(["tuning one benchmark.", "robotics control, medical imaging."], topics.Negative);
    }

    [Fact]
    public void Keyword_lists_outside_the_topics_give_one_text_per_keyword_on_the_side_their_label_says()
    {
        const string text = """
            1. Model compression
               - Of interest: pruning, quantization, low-rank factorization, distillation.

            Keywords:
            - Relevant: Mixture of Experts (MoE), Sparsity, Pruning, Quantization, etc.
            - Irrelevant: Federated Learning, Time Series, Recommendation Systems, Medical Imaging
            """;

        var topics = CriteriaTopics.Parse(text);

        Assert.Equal(["Model compression"], topics.Positive.Select(t => t.Title));
        Assert.Contains("low-rank factorization", topics.Positive[0].Text);
        Assert.Equal(["Mixture of Experts (MoE)", "Sparsity", "Pruning", "Quantization"], topics.PositiveKeywords);
        Assert.Equal(["Federated Learning", "Time Series", "Recommendation Systems", "Medical Imaging"], topics.NegativeKeywords);
        Assert.Empty(topics.Negative);
        Assert.Equal(9, topics.Probes.Count);
    }

    [Fact]
    public void Neighbours_score_a_paper_by_its_closest_past_positives_against_its_closest_past_negatives()
    {
        float[] Unit(double angle) => [(float)Math.Cos(angle), (float)Math.Sin(angle)];
        var positives = new[] { Unit(0.0), Unit(0.1), Unit(0.2) };
        var negatives = new[] { Unit(1.4), Unit(1.5), Unit(1.6), Unit(3.0) };
        var neighbours = new NeighbourScorer(positives, negatives, k: 2);

        Assert.True(neighbours.Score(Unit(0.05)) > 0.5);
        Assert.True(neighbours.Score(Unit(1.5)) < -0.5);
        // Only the two closest of each side count: the far negative at 3.0 does not pull the score up.
        Assert.Equal((Math.Cos(0.05) + Math.Cos(0.05)) / 2 - ((Math.Cos(1.35) + Math.Cos(1.45)) / 2), neighbours.Score(Unit(0.05)), 5);
        Assert.Equal(0, new NeighbourScorer([], [], k: 3).Score(Unit(0.0)));
    }

    [Theory]
    [InlineData(new[] { 1.0, 2.0 }, new[] { 0.0 }, new[] { 1.0, 1.0 })]
    [InlineData(new[] { 1.0, double.NaN }, new[] { 0.0, 0.0 }, new[] { 1.0, 1.0 })]
    [InlineData(new[] { 1.0, 2.0 }, new[] { 0.0, 0.0 }, new[] { 1.0, 0.0 })]
    public void A_stored_regression_with_mismatched_or_non_finite_parts_is_refused(double[] weights, double[] mean, double[] scale) =>
        Assert.Null(LogisticModel.FromParts(weights, 0.1, mean, scale));
}
