using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ArxivDigest.Render.Html;

/// <summary>The shell every page shares: self-contained (inline CSS, no fonts or scripts), readable from a phone to a wide screen.</summary>
public static class HtmlPage
{
    private const string Style = """
        :root { color-scheme: light dark; --fg: #1d1f23; --muted: #5c6370; --bg: #fbfbfa; --card: #ffffff; --line: #e3e3e0; --accent: #b31b1b; --bar: #2f6fb0; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6e6e3; --muted: #a0a4ab; --bg: #17181a; --card: #202124; --line: #34363a; --accent: #ff6b6b; --bar: #6ea8e0; } }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        .wrap { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        header h1 { font-size: 1.5rem; margin: .5rem 0; }
        a { color: var(--bar); }
        nav.crumbs { color: var(--muted); font-size: .9rem; }
        dl.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .5rem; margin: 1rem 0; }
        dl.figures div { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .75rem; }
        dl.figures dt { color: var(--muted); font-size: .8rem; }
        dl.figures dd { margin: 0; font-weight: 600; }
        .notice { background: var(--card); border-left: 4px solid var(--accent); padding: .75rem 1rem; border-radius: .25rem; }
        ol.toc { padding-left: 1.5rem; }
        ol.toc li { margin: .25rem 0; }
        .score { color: var(--muted); font-size: .85rem; white-space: nowrap; }
        article.paper { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1rem 1.25rem; margin: 1rem 0; overflow-wrap: anywhere; }
        article.paper h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
        .meta, .authors { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
        .verdict { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; margin: .5rem 0; }
        .meter { display: inline-flex; align-items: center; gap: .4rem; font-size: .85rem; }
        .bar { display: inline-block; width: 7rem; height: .55rem; background: var(--line); border-radius: .3rem; overflow: hidden; }
        .bar span { display: block; height: 100%; background: var(--bar); }
        .badge { background: var(--accent); color: #fff; border-radius: 1rem; padding: .05rem .6rem; font-size: .8rem; }
        .comment { font-style: italic; }
        .math { font-family: "Latin Modern Math", "STIX Two Math", serif; }
        table.days { width: 100%; border-collapse: collapse; }
        table.days th, table.days td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
        table.days td.num, table.days th.num { text-align: right; }
        details summary { cursor: pointer; }
        pre.prompt { white-space: pre-wrap; background: var(--card); border: 1px solid var(--line); padding: .75rem; border-radius: .5rem; font-size: .85rem; }
        @media (max-width: 40rem) { .bar { width: 4.5rem; } body { font-size: 15px; } }
        """;

    public static string Wrap(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <style>
        {Style}
        </style>
        </head>
        <body>
        <div class="wrap">
        {body}
        <footer class="meta"><p>Written by ArxivDigest. Paper metadata from arXiv.</p></footer>
        </div>
        </body>
        </html>

        """;

    // Letters stay letters (the page is UTF-8); only markup characters become entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}
