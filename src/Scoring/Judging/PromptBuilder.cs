using System.Text;
using ArxivDigest.Scoring.Profiles;

namespace ArxivDigest.Scoring.Judging;

/// <summary>
/// Lays out the prompts: the parts that never change within a profile come first (system prompt,
/// topics, criteria, instructions) and the papers last, so the provider's prefix cache serves
/// the shared part of every batch. Each paper sits between its own delimiters.
/// </summary>
public sealed class PromptBuilder(int maxAbstractChars)
{
    /// <summary>Stands in for the papers in the prompt shown in the digest.</summary>
    public const string PapersPlaceholder = "[PAPERS]";

    public static string AbstractTemplate(CriteriaProfile profile) => AbstractPrefix(profile) + PapersPlaceholder;

    public string AbstractPrompt(CriteriaProfile profile, IEnumerable<PaperToJudge> papers)
    {
        var prompt = new StringBuilder(AbstractPrefix(profile));
        foreach (var paper in papers)
        {
            var text = Neutralize(paper.Abstract);
            if (text.Length > maxAbstractChars)
            {
                text = text[..maxAbstractChars] + " [...]";
            }

            prompt.Append("=== PAPER ").Append(paper.Id).Append(" ===\n")
                .Append("Title: ").Append(Neutralize(paper.Title)).Append('\n')
                .Append("Authors: ").Append(Neutralize(string.Join(", ", paper.Authors))).Append('\n')
                .Append("Abstract: ").Append(text).Append('\n')
                .Append("=== END ").Append(paper.Id).Append(" ===\n\n");
        }

        return prompt.ToString().TrimEnd() + "\n";
    }

    public string TitlePrompt(CriteriaProfile profile, IEnumerable<PaperToJudge> papers)
    {
        var prompt = new StringBuilder()
            .Append(profile.Topics).Append("\n\n")
            .Append(profile.TitleFilterInstructions).Append("\n\n## Titles\n\n");
        foreach (var paper in papers)
        {
            prompt.Append(paper.Id).Append(": ").Append(Neutralize(paper.Title)).Append('\n');
        }

        return prompt.ToString();
    }

    private static string AbstractPrefix(CriteriaProfile profile) =>
        $"{profile.Topics}\n\n{profile.Criteria}\n\n{profile.AbstractInstructions}\n\n## Papers\n\n";

    // A paper's text cannot forge the delimiters that separate papers, nor span lines.
    private static string Neutralize(string text) =>
        text.Replace("===", "= =", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
