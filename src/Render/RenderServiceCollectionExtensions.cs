using ArxivDigest.Render.Archive;

namespace ArxivDigest.Render;

public static class RenderServiceCollectionExtensions
{
    /// <summary>Registers the Render service: its options (validated at start) and the archive that owns the output folder.</summary>
    public static IHostApplicationBuilder AddRenderServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RenderOptions>().BindConfiguration(RenderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DigestArchive>();
        return builder;
    }
}
