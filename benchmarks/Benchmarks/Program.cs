using ArxivDigest.Benchmarks;

// Run on demand, in Release: dotnet run -c Release --project benchmarks/Benchmarks -- [name]
var benchmarks = new Dictionary<string, Func<Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["ingest-parse"] = IngestParseBenchmark.RunAsync,
    ["scoring"] = ScoringBenchmark.RunAsync,
    ["local-judge"] = LocalJudgeBenchmark.RunAsync,
};

var selected = args.Length == 0 ? benchmarks.Keys.ToList() : args.ToList();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
foreach (var name in selected)
{
    if (!benchmarks.TryGetValue(name, out var run))
    {
        Console.Error.WriteLine($"Unknown benchmark '{name}'. Known: {string.Join(", ", benchmarks.Keys)}");
        return 2;
    }

    Console.WriteLine($"== {name}");
    await run();
}

return 0;
