using ArxivDigest.Scoring.Caching;
using ArxivDigest.Scoring.Profiles;

namespace ArxivDigest.Scoring.Judging;

/// <summary>Turns the judge's scores into a decision with the profile's current cutoffs.</summary>
public static class Verdicts
{
    public const string TitleRejectionComment = "Rejected by the title filter: certainly outside the criteria.";

    /// <summary>The verdict on a judged paper, whether judged just now or read from the cache.</summary>
    public static Judgement Decide(string id, CachedVerdict judged, ProfileSettings settings, bool fromCache)
    {
        if (judged.Stage == CachedVerdict.TitleStage)
        {
            return new Judgement(id, VerdictKind.RejectedByTitle, 0, 0, judged.Comment, fromCache);
        }

        var selected = judged.Relevance >= settings.RelevanceCutoff && judged.Novelty >= settings.NoveltyCutoff;
        return new Judgement(id, selected ? VerdictKind.Selected : VerdictKind.RejectedByScore,
            judged.Relevance, judged.Novelty, judged.Comment, fromCache);
    }
}
