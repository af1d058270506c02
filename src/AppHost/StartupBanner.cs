namespace ArxivDigest.AppHost;

/// <summary>Says on the AppHost's console what this run will use, before anything starts.</summary>
public static class StartupBanner
{
    public static void Print(ForwardedSettings settings)
    {
        var source = settings["Ingest__Source"]?.ToLowerInvariant() switch
        {
            "replay" => $"saved days from {settings["Ingest__ReplayDirectory"] ?? "(Ingest__ReplayDirectory is not set)"}, not the live arXiv feed",
            "api" => "the arXiv API (export.arxiv.org)",
            _ => "arXiv's live RSS feeds (rss.arxiv.org)",
        };
        var judge = settings["Scoring__Judge"]?.ToLowerInvariant() == "local" || settings["OPENAI_API_KEY"] is null
            ? "the LOCAL judge (MiniLM + Arctic embeddings on this machine; no LLM, no cost), since " + (settings["OPENAI_API_KEY"] is null ? "OPENAI_API_KEY is not set" : "Scoring__Judge=local")
            : $"the LLM {settings["OpenAI__Model"] ?? "gpt-4o"} at {settings["OpenAI__Endpoint"] ?? "OpenAI"}";
        Console.WriteLine($"""
            ArxivDigest
              announcements: {source}
              day:           {settings["Digest__Date"] ?? "the latest announcement"} ({settings["Digest__Categories"] ?? "cs.LG,cs.AI"})
              judge:         {judge}
              digest files:  {settings.OutputRoot}
              run summary:   the "digest" resource's console in the dashboard, and {Path.Combine(settings.OutputRoot, "runs")}
              redis data:    {Path.Combine(settings.OutputRoot, "redis")} (verdict cache, the local judge's history and models; delete it to start afresh)
            """);
    }
}
