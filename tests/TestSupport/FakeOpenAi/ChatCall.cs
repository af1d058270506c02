namespace ArxivDigest.TestSupport.FakeOpenAi;

/// <summary>One chat completion the fake server received, as the tests inspect it.</summary>
public sealed record ChatCall(
    int Number,
    string Stage,
    IReadOnlyList<FakePaper> Papers,
    string Model,
    string SystemPrompt,
    string UserPrompt,
    double? Temperature,
    bool StructuredOutput,
    string? Authorization,
    DateTimeOffset At);

/// <summary>A paper as the fake model read it from between the prompt's delimiters.</summary>
public sealed record FakePaper(string Id, string Title, string Abstract);
