using System.Globalization;
using ArxivDigest.Contracts.V1;
using ArxivDigest.Ingest.Announcements;
using ArxivDigest.Ingest.Arxiv;
using ArxivDigest.Ingest.Sources;
using ArxivDigest.ServiceDefaults;
using Grpc.Core;

namespace ArxivDigest.Ingest.Grpc;

/// <summary>The IngestService gRPC endpoint: validates the request, lists the day, maps errors to status codes.</summary>
public sealed partial class IngestGrpcService(AnnouncementLister lister, ILogger<IngestGrpcService> logger)
    : IngestService.IngestServiceBase
{
    private static readonly IReadOnlySet<AnnounceKind> DefaultKinds = new HashSet<AnnounceKind> { AnnounceKind.New, AnnounceKind.Cross };

    public override async Task<ListAnnouncementsResponse> ListAnnouncements(ListAnnouncementsRequest request, ServerCallContext context)
    {
        var query = ToQuery(request);
        try
        {
            return ToMessage(await lister.ListAsync(query, context.CancellationToken));
        }
        catch (FeedFormatException ex)
        {
            LogFeedFailed(ex.Message);
            throw new RpcException(new Status(StatusCode.DataLoss, ex.Message));
        }
        catch (FeedUnavailableException ex)
        {
            LogFeedFailed(ex.Message);
            throw new RpcException(new Status(StatusCode.Unavailable, ex.Message));
        }
        catch (DayNotServedException ex)
        {
            LogFeedFailed(ex.Message);
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
    }

    private static AnnouncementQuery ToQuery(ListAnnouncementsRequest request)
    {
        if (request.Categories.Count == 0)
        {
            RpcErrors.InvalidArgument("categories", "at least one arXiv category is required, e.g. \"cs.LG\"");
        }

        var categories = new List<string>();
        foreach (var raw in request.Categories)
        {
            var category = raw.Trim();
            if (!ArxivCategories.IsKnown(category))
            {
                RpcErrors.InvalidArgument("categories", $"'{raw}' is not an arXiv category (categories are case-sensitive, e.g. \"cs.LG\", \"stat.ML\")");
            }

            if (!categories.Contains(category))
            {
                categories.Add(category);
            }
        }

        var kinds = request.AnnounceTypes.Count == 0
            ? DefaultKinds
            : request.AnnounceTypes.Select(ToKind).ToHashSet();

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(request.Date))
        {
            if (!DateOnly.TryParseExact(request.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                RpcErrors.InvalidArgument("date", $"'{request.Date}' is not a date in the form YYYY-MM-DD");
            }

            if (parsed.Year < 1991)
            {
                RpcErrors.InvalidArgument("date", $"'{request.Date}' is before arXiv existed");
            }

            date = parsed;
        }

        return new AnnouncementQuery(categories, kinds, request.PrimaryOnly, date);
    }

    private static AnnounceKind ToKind(AnnounceType type) => type switch
    {
        AnnounceType.New => AnnounceKind.New,
        AnnounceType.Cross => AnnounceKind.Cross,
        AnnounceType.Replace => AnnounceKind.Replace,
        AnnounceType.ReplaceCross => AnnounceKind.ReplaceCross,
        _ => RpcErrors.InvalidArgument<AnnounceKind>("announce_types", $"{type} is not an announce type to filter by"),
    };

    private static AnnounceType ToMessage(AnnounceKind kind) => kind switch
    {
        AnnounceKind.New => AnnounceType.New,
        AnnounceKind.Cross => AnnounceType.Cross,
        AnnounceKind.Replace => AnnounceType.Replace,
        AnnounceKind.ReplaceCross => AnnounceType.ReplaceCross,
        _ => AnnounceType.Unspecified,
    };

    private static ListAnnouncementsResponse ToMessage(AnnouncementDay day)
    {
        var date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = new ListAnnouncementsResponse
        {
            Date = date,
            TotalEntries = day.TotalEntries,
            Scanned = day.Scanned,
            NoAnnouncement = day.NoAnnouncement,
            SkippedItems = day.SkippedItems,
            Source = day.Source,
        };
        response.Papers.AddRange(day.Papers.Select(p => ToMessage(p, date)));
        return response;
    }

    private static Paper ToMessage(FeedItem item, string date)
    {
        var paper = new Paper
        {
            ArxivId = item.ArxivId,
            Version = item.Version,
            Title = item.Title,
            Abstract = item.Abstract,
            PrimaryCategory = item.PrimaryCategory,
            AnnounceType = ToMessage(item.AnnounceKind),
            AnnouncedOn = date,
            Comments = item.Comments,
        };
        paper.Authors.AddRange(item.Authors);
        paper.Categories.AddRange(item.Categories);
        return paper;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "ListAnnouncements failed: {Problem}")]
    private partial void LogFeedFailed(string problem);
}
