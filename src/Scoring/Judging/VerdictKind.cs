namespace ArxivDigest.Scoring.Judging;

public enum VerdictKind
{
    Selected,
    RejectedByTitle,
    RejectedByScore,
    AuthorMatch,
    Failed,
    RejectedByPrefilter,
}
