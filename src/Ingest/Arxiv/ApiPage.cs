namespace ArxivDigest.Ingest.Arxiv;

/// <summary>One page of an arXiv API query: the entries read and how many the query matches in all.</summary>
public sealed record ApiPage(int TotalResults, int StartIndex, IReadOnlyList<ApiEntry> Entries, int EntryCount, int SkippedItems);

/// <summary>An API entry: the paper as seen from the queried category, and when its first version was submitted.</summary>
public sealed record ApiEntry(FeedItem Item, DateTimeOffset Published);
