using ArxivDigest.Scoring.Caching;
using ArxivDigest.Scoring.Profiles;

namespace ArxivDigest.Scoring.Judging;

/// <summary>Turns the judge's scores into a decision with the profile's current cutoffs.</summary>
public static class Verdicts
{
    public const string TitleRejectionComment = "Rejected by the title filter: certainly outside the criteria.";

    public static Judgement FromCache(string id, CachedVerdict cached, ProfileSettings settings)
    {
        if (cached.Stage == CachedVerdict.TitleStage)
        {
            return new Judgement(id, VerdictKind.RejectedByTitle, 0, 0, cached.Comment, FromCache: true);
        }

        var selected = cached.Relevance >= settings.RelevanceCutoff && cached.Novelty >= settings.NoveltyCutoff;
        return new Judgement(id, selected ? VerdictKind.Selected : VerdictKind.RejectedByScore,
            cached.Relevance, cached.Novelty, cached.Comment, FromCache: true);
    }
}
