using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArxivDigest.ServiceDefaults;

public static class StartupExtensions
{
    /// <summary>
    /// Runs the app; a setting that fails validation at start ends the process with exit code 1
    /// and one plain sentence per problem on stderr, instead of an unhandled-exception dump.
    /// </summary>
    public static int RunOrExplain(this WebApplication app)
    {
        // Read before Run: a failed start disposes the service provider behind app.Environment.
        var name = app.Environment.ApplicationName;
        try
        {
            app.Run();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            Console.Error.WriteLine($"{name} cannot start, a setting is wrong:");
            foreach (var failure in ex.Failures)
            {
                Console.Error.WriteLine($"  - {failure}");
            }

            return 1;
        }
    }

    /// <summary>
    /// Starts the app (telemetry, health), runs <paramref name="work"/> once, stops, and returns
    /// its exit code; a setting that fails validation is explained as in <see cref="RunOrExplain"/>.
    /// </summary>
    public static async Task<int> RunOnceAsync(this WebApplication app, Func<IServiceProvider, Task<int>> work)
    {
        var name = app.Environment.ApplicationName;
        try
        {
            await app.StartAsync();
        }
        catch (OptionsValidationException ex)
        {
            Console.Error.WriteLine($"{name} cannot start, a setting is wrong:");
            foreach (var failure in ex.Failures)
            {
                Console.Error.WriteLine($"  - {failure}");
            }

            return 2;
        }

        try
        {
            return await work(app.Services);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
