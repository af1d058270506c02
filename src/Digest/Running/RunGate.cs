namespace ArxivDigest.Digest.Running;

/// <summary>One run at a time, whoever asks (start-up, schedule, the dashboard's "Run digest now").</summary>
public sealed class RunGate(DigestRunner runner, RunReporter reporter)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public RunResult? Last { get; private set; }

    public async Task<RunResult?> TryRunAsync(CancellationToken cancellationToken)
    {
        if (!await gate.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            RunResult result;
            try
            {
                result = await runner.RunAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is Grpc.Core.RpcException or InvalidOperationException or HttpRequestException)
            {
                result = new RunResult(RunOutcome.Failed, string.Empty, $"The run stopped: {ex.Message}");
            }

            await reporter.ReportAsync(result, cancellationToken);
            Last = result;
            return result;
        }
        finally
        {
            gate.Release();
        }
    }
}
