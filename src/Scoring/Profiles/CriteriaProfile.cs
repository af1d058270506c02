namespace ArxivDigest.Scoring.Profiles;

/// <summary>
/// A named set of research criteria: the prompt parts the user writes, their settings, and the
/// authors whose papers are always kept. <see cref="ContentHash"/> covers the prompt parts only,
/// so editing the criteria re-scores while changing a cutoff does not.
/// </summary>
public sealed record CriteriaProfile(
    string Name,
    string SystemPrompt,
    string Topics,
    string Criteria,
    string TitleFilterInstructions,
    string AbstractInstructions,
    IReadOnlyList<string> Authors,
    ProfileSettings Settings,
    string ContentHash);
