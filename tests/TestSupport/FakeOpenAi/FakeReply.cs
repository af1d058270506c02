namespace ArxivDigest.TestSupport.FakeOpenAi;

/// <summary>What the fake model does with one call; tests script these per call.</summary>
public abstract record FakeReply
{
    /// <summary>Answer correctly, in the requested format.</summary>
    public static readonly FakeReply Normal = new Answer(static (_, lines) => lines);

    /// <summary>Answer with the given text instead of a proper reply.</summary>
    public sealed record Raw(string Text) : FakeReply;

    /// <summary>Answer, after rewriting the correct lines (drop, alter or add entries).</summary>
    public sealed record Answer(Func<ChatCall, List<Dictionary<string, object?>>, List<Dictionary<string, object?>>> Rewrite, bool Messy = false) : FakeReply;

    /// <summary>Fail with an HTTP status and headers.</summary>
    public sealed record Status(int Code, IReadOnlyDictionary<string, string>? Headers = null, string Message = "simulated failure") : FakeReply;

    /// <summary>Answer normally, but only after a delay.</summary>
    public sealed record Delayed(TimeSpan Delay) : FakeReply;
}
