using System.Diagnostics;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Grains.Clustering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace AdaptiveLoss.Benchmarks.Cluster;

/// <summary>
/// An Orleans client of the loaded cluster that watches it from outside, as <c>ala status</c> would: each poll asks
/// each experiment for the windows reported since its cursor (<c>GetStatusSinceAsync</c>, timed and sized) and the shared
/// coordinator for its reward log. A (child, window) is "reported" when a poll first shows it in its child's status and
/// "in round k" when the reward log first lists it; a round's latency is its first-seen close minus the first report
/// of any of its transitions (both to within one poll interval).
/// </summary>
internal sealed class ClusterObserver(IHost host, IClusterClient client, Serializer serializer) : IAsyncDisposable
{
    /// <summary>Connects through the cluster's Redis (<c>HOST:PORT</c>).</summary>
    public static async Task<ClusterObserver> ConnectAsync(string redis, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c => c.UseAdaptiveLossRedis(redis));
        builder.Services.AddSerializer(s => s.AddAdaptiveLossCoreTypes());
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var services = host.Services;
        return new ClusterObserver(host, services.GetRequiredService<IClusterClient>(), services.GetRequiredService<Serializer>());
    }

    /// <summary>Polls every <paramref name="interval"/> until <paramref name="runsEnded"/> completes, then once more.</summary>
    public async Task<ClusterObservation> WatchAsync(string policyId, IReadOnlyList<string> experimentIds, TimeSpan interval,
        Task runsEnded, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var cursors = experimentIds.ToDictionary(id => id, _ => StatusCursor.Start);
        var reported = new Dictionary<(string Child, int Window), double>();
        var closed = new Dictionary<int, double>();
        var windows = new Dictionary<string, int>(StringComparer.Ordinal);
        var (pollMs, pollBytes) = (new List<double>(), new List<long>());
        var coordinator = client.GetGrain<ICoordinatorGrain>(policyId);
        var ended = false;
        while (true)
        {
            foreach (var id in experimentIds)
            {
                var started = Stopwatch.GetTimestamp();
                var status = await client.GetGrain<IExperimentGrain>(id).GetStatusSinceAsync(cursors[id]);
                pollMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                pollBytes.Add(serializer.SerializeToArray(status).Length);
                cursors[id] = StatusCursor.After(status);
                foreach (var child in status.Children)
                {
                    windows[child.ChildId] = windows.GetValueOrDefault(child.ChildId) + child.Windows.Count(w => w.DiscardReason is null);
                    foreach (var window in child.Windows.Where(w => w.DiscardReason is null))
                    {
                        reported.TryAdd((child.ChildId, window.Window), clock.Elapsed.TotalSeconds);
                    }
                }
            }

            var summary = await coordinator.GetSummaryAsync();
            foreach (var reward in summary.Rewards)
            {
                closed.TryAdd(reward.Round, clock.Elapsed.TotalSeconds);
            }

            if (ended)
            {
                return new ClusterObservation(reported, closed, summary, pollMs, pollBytes, windows);
            }

            ended = runsEnded.IsCompleted;
            await Task.WhenAny(Task.Delay(interval, cancellationToken), runsEnded);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            host.Dispose();
        }
    }
}

/// <summary>What <see cref="ClusterObserver"/> saw.</summary>
/// <param name="Reported">When each counted (child, window) first showed in its child's status, seconds from the start.</param>
/// <param name="Closed">When each round first showed in the reward log.</param>
/// <param name="Summary">The coordinator's last summary.</param>
/// <param name="PollMs">Every status poll's duration.</param>
/// <param name="PollBytes">Every status poll's answer, serialised.</param>
/// <param name="CountedWindows">Each child's counted (not discarded) windows, summed over the polls' news.</param>
internal sealed record ClusterObservation(
    IReadOnlyDictionary<(string Child, int Window), double> Reported,
    IReadOnlyDictionary<int, double> Closed,
    PolicySummary Summary,
    IReadOnlyList<double> PollMs,
    IReadOnlyList<long> PollBytes,
    IReadOnlyDictionary<string, int> CountedWindows);
