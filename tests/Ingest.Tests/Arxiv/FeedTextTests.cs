extern alias IngestServer;

using IngestServer::ArxivDigest.Ingest.Arxiv;

namespace ArxivDigest.Ingest.Tests.Arxiv;

public sealed class FeedTextTests
{
    [Theory]
    [InlineData(@"Ga\v{s}i\'c", "Gašić")]
    [InlineData(@"M\""uller", "Müller")]
    [InlineData(@"M{\""u}ller", "Müller")]
    [InlineData(@"Fran\c{c}ois", "François")]
    [InlineData(@"Fran\c cois", "François")]
    [InlineData(@"Jos\'{e} Nu\~nez", "José Nuñez")]
    [InlineData(@"Erd\H{o}s", "Erdős")]
    [InlineData(@"\AA{}str\""om", "Åström")]
    [InlineData(@"Stra\ss e", "Straße")]
    [InlineData(@"Ma{\l}gorzata", "Małgorzata")]
    [InlineData(@"Mart\'{\i}nez", "Martínez")]
    [InlineData("Plain Name", "Plain Name")]
    public void Tex_in_author_names_becomes_unicode(string tex, string expected) =>
        Assert.Equal(expected, FeedText.CleanAuthor(tex));

    [Fact]
    public void Authors_split_on_commas_and_a_final_and_but_not_inside_braces() =>
        Assert.Equal(["A. One", "Two, Jr.", "C. Three"], FeedText.SplitAuthors("A. One, {Two, Jr.} and C. Three"));

    [Fact]
    public void Whitespace_folds_and_entities_decode_but_math_stays() =>
        Assert.Equal("A $\\mathcal{O}(n^2)$ bound & more", FeedText.Clean("  A $\\mathcal{O}(n^2)$\n   bound &amp; more "));

    [Theory]
    [InlineData("Wed, 04 Jun 2025 00:00:00 -0400", 2025, 6, 4)]
    [InlineData("Mon, 9 Jun 2025 00:00:00 -0400", 2025, 6, 9)]
    public void Feed_dates_keep_the_calendar_day_as_written(string text, int y, int m, int d)
    {
        Assert.True(FeedText.TryParseFeedDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }
}
