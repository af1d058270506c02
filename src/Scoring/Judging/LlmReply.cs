namespace ArxivDigest.Scoring.Judging;

/// <summary>The text of a completed call and the model that answered.</summary>
public sealed record LlmReply(string Text, string Model);
