using Microsoft.Extensions.Options;

namespace ArxivDigest.Ingest;

/// <summary>Checks what data annotations cannot: the replay source needs a folder that exists.</summary>
public sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        if (options.Source == IngestSourceKind.Replay)
        {
            if (string.IsNullOrWhiteSpace(options.ReplayDirectory))
            {
                return ValidateOptionsResult.Fail("Ingest:Source is Replay but Ingest:ReplayDirectory is not set (set Ingest__ReplayDirectory to a folder of saved feeds, e.g. ../shared/fixtures/arxiv).");
            }

            if (!Directory.Exists(options.ReplayDirectory))
            {
                return ValidateOptionsResult.Fail($"Ingest:ReplayDirectory '{Path.GetFullPath(options.ReplayDirectory)}' does not exist.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
