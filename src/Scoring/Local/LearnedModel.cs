namespace ArxivDigest.Scoring.Local;

/// <summary>A profile's trained model, how many labelled papers it learned from, and its prefilter threshold.</summary>
public sealed record LearnedModel(LogisticModel Model, int TrainedOn, double PrefilterThreshold);
