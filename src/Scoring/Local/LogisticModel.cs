using System.Numerics;

namespace ArxivDigest.Scoring.Local;

/// <summary>
/// A small logistic regression, the learned half of the local judge: features are a paper's
/// embedding plus its zero-shot score, labels are past verdicts and feedback (selected or
/// marked relevant = 1). Trained by full-batch gradient descent with L2 regularization and
/// class weights (picks are rare: ~7% of a day), on standardized features.
/// </summary>
public sealed class LogisticModel
{
    private LogisticModel(double[] weights, double bias, double[] mean, double[] scale)
    {
        Weights = weights;
        Bias = bias;
        Mean = mean;
        Scale = scale;
    }

    public double[] Weights { get; }

    public double Bias { get; }

    public double[] Mean { get; }

    public double[] Scale { get; }

    public static LogisticModel Train(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, double l2 = 1e-2, int epochs = 300, double learningRate = 0.5)
    {
        if (features.Count == 0 || features.Count != labels.Count)
        {
            throw new ArgumentException("Training needs as many labels as feature rows, and at least one row.");
        }

        var dimensions = features[0].Length;
        var mean = new double[dimensions];
        var scale = new double[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            mean[d] = features.Average(f => f[d]);
            var variance = features.Average(f => (f[d] - mean[d]) * (f[d] - mean[d]));
            scale[d] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        var x = features.Select(f => Standardize(f, mean, scale)).ToArray();
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        // Each class weighs half of the loss, however rare it is.
        var positiveWeight = positives == 0 ? 0 : 0.5 * labels.Count / positives;
        var negativeWeight = negatives == 0 ? 0 : 0.5 * labels.Count / negatives;

        var w = new double[dimensions];
        var b = 0.0;
        var gradient = new double[dimensions];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradient);
            var gradientBias = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                var error = Sigmoid(Dot(w, x[i]) + b) - (labels[i] ? 1 : 0);
                error *= labels[i] ? positiveWeight : negativeWeight;
                AddScaled(gradient, x[i], error);

                gradientBias += error;
            }

            for (var d = 0; d < dimensions; d++)
            {
                w[d] -= learningRate * ((gradient[d] / x.Length) + (l2 * w[d]));
            }

            b -= learningRate * gradientBias / x.Length;
        }

        return new LogisticModel(w, b, mean, scale);
    }

    /// <summary>A model stored earlier; null when the parts do not make one (lengths differ, values not finite).</summary>
    public static LogisticModel? FromParts(double[] weights, double bias, double[] mean, double[] scale)
    {
        var whole = weights.Length > 0 && mean.Length == weights.Length && scale.Length == weights.Length
            && weights.Concat(mean).Append(bias).All(double.IsFinite) && scale.All(s => double.IsFinite(s) && s > 0);
        return whole ? new LogisticModel(weights, bias, mean, scale) : null;
    }

    /// <summary>The probability-like score of a paper (0-1).</summary>
    public double Score(double[] features) => Sigmoid(Logit(features));

    /// <summary>The score before the sigmoid: log-odds, which add up across models.</summary>
    public double Logit(double[] features) => Dot(Weights, Standardize(features, Mean, Scale)) + Bias;

    private static double[] Standardize(double[] features, double[] mean, double[] scale)
    {
        var result = new double[features.Length];
        for (var d = 0; d < features.Length; d++)
        {
            result[d] = (features[d] - mean[d]) / scale[d];
        }

        return result;
    }

    // The two inner loops of training, in SIMD lanes.
    private static double Dot(double[] a, double[] b)
    {
        var lanes = Vector<double>.Count;
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - lanes; i += lanes)
        {
            sum += new Vector<double>(a, i) * new Vector<double>(b, i);
        }

        var dot = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    // target += factor * source
    private static void AddScaled(double[] target, double[] source, double factor)
    {
        var lanes = Vector<double>.Count;
        var scale = new Vector<double>(factor);
        var i = 0;
        for (; i <= target.Length - lanes; i += lanes)
        {
            (new Vector<double>(target, i) + (scale * new Vector<double>(source, i))).CopyTo(target, i);
        }

        for (; i < target.Length; i++)
        {
            target[i] += factor * source[i];
        }
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
