using ArxivDigest.Render.Tests.Support;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArxivDigest.Render.Tests.Html;

/// <summary>LaTeX, HTML-looking text and Markdown punctuation in papers never break the Markdown or the HTML.</summary>
public sealed class SpecialTextTests : IAsyncLifetime
{
    private const string HostileTitle = "Why <script>alert(1)</script> & a|b ] break *things*_ \\ here";
    private const string MathAbstract = "We bound $x_i < y_j$ and $\\mathcal{O}(n^2)$ for a_b_c; see <think> tags & **bold** claims.";
    private RenderApp app = null!;

    public Task InitializeAsync()
    {
        app = new RenderApp();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_markdown_keeps_its_structure()
    {
        var response = await app.Client.RenderDigestAsync(Requests.Day("2025-06-11",
            Requests.Paper("2506.00001", HostileTitle, @abstract: MathAbstract),
            Requests.Paper("2506.00002", "Second paper", relevance: 8, novelty: 7)));

        var document = Markdig.Markdown.Parse(response.Markdown);
        var sections = document.Descendants<HeadingBlock>().Where(h => h.Level == 2 && h.Inline?.FirstChild is LiteralInline { Content: var c } && c.ToString().EndsWith(". ")).ToList();
        Assert.Equal(2, sections.Count);
        var links = sections.Select(h => h.Inline!.Descendants<LinkInline>().First().Url).ToList();
        Assert.Equal(["https://arxiv.org/abs/2506.00001", "https://arxiv.org/abs/2506.00002"], links);
        Assert.DoesNotContain(document.Descendants<HtmlInline>(), h => h.Tag.StartsWith("<script", StringComparison.OrdinalIgnoreCase) || h.Tag.StartsWith("<think", StringComparison.Ordinal));
        var html = Markdig.Markdown.ToHtml(response.Markdown);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("$x_i &lt; y_j$", html);
    }

    [Fact]
    public async Task The_html_escapes_text_keeps_math_readable_and_shows_tex_authors_as_letters()
    {
        var response = await app.Client.RenderDigestAsync(Requests.Day("2025-06-11",
            Requests.Paper("2506.00001", HostileTitle, @abstract: MathAbstract, authors: [@"Milica Ga\v{s}i\'c", @"J. M\""uller"])));

        Assert.DoesNotContain("<script>", response.Html);
        Assert.DoesNotContain("<think>", response.Html);
        Assert.Contains("Why &lt;script&gt;alert(1)&lt;/script&gt; &amp; a|b ] break *things*_ \\ here", response.Html);
        Assert.Contains("<span class=\"math\">", response.Html);
        Assert.Contains("x_i &lt; y_j", response.Html);
        Assert.Contains("Milica Gašić, J. Müller", response.Html);
        Assert.Contains("<strong>bold</strong>", response.Html);
    }

    [Fact]
    public async Task Very_long_abstracts_and_author_lists_render_in_full()
    {
        var longAbstract = string.Concat(Enumerable.Repeat("A very long abstract sentence about scaling. ", 600));
        var authors = Enumerable.Range(1, 250).Select(i => $"Author Number{i}").ToArray();

        var response = await app.Client.RenderDigestAsync(Requests.Day("2025-06-11", Requests.Paper("2506.00001", @abstract: longAbstract.Trim(), authors: authors)));

        Assert.Contains(longAbstract.Trim(), response.Markdown);
        Assert.Contains(string.Join(", ", authors), response.Markdown);
        Assert.Contains("and 238 more</summary>", response.Html);
        Assert.Contains("Author Number250", response.Html);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();
}
