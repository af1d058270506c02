using ArxivDigest.TestSupport;
using ArxivDigest.TestSupport.FakeOpenAi;

namespace ArxivDigest.Scoring.Tests.Support;

/// <summary>
/// What each ScorePapers test owns: a fake OpenAI server, a real Redis, a profiles folder (title
/// pass off, abstract batches of 5, unless a test class says otherwise) and the service.
/// </summary>
public abstract class ScoringTestBase(params (string Key, string? Value)[] settings) : IAsyncLifetime
{
    protected TestProfiles Profiles { get; } = new(p => { p["titleFilter"] = false; p["abstractBatchSize"] = 5; });

    protected FakeOpenAiServer Llm { get; private set; } = null!;

    protected RedisServer Redis { get; private set; } = null!;

    protected ScoringApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Llm = await FakeOpenAiServer.StartAsync();
        Redis = await RedisServer.StartAsync();
        App = new ScoringApp(Llm, Redis.ConnectionString, Profiles.Path, settings);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Llm.DisposeAsync();
        await Redis.DisposeAsync();
        Profiles.Dispose();
    }
}
