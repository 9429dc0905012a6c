using Microsoft.Extensions.Hosting;

namespace AdaptiveLoss.Cli.Hosting;

/// <summary>
/// Replaces the console lifetime: the CLI handles Ctrl+C itself (cancel the experiment, then exit 130), and the
/// host must neither catch the signal nor print "Application started" lines.
/// </summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
