using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdaptiveLoss.Grains.Tests;

/// <summary>
/// The experiment's end as an awaited event: the experiment grain logs "ended" (event <c>ExperimentEnded</c>) in the
/// turn that stores its last child's end, so a status read after the signal sees the end. A logger provider in every
/// test silo (<see cref="AddTo"/>) completes one task per experiment id, which a wait consumes, so an id started again
/// after its end is waited for afresh.
/// </summary>
internal static class ExperimentEnds
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Ends = new();

    /// <summary>Adds the provider to a test silo's logging.</summary>
    public static void AddTo(IServiceCollection services) => services.AddLogging(logging =>
    {
        logging.AddProvider(Provider.Instance);
        // Information is the end's level; the rule for this provider holds whatever the host's minimum is.
        logging.AddFilter<Provider>(null, LogLevel.Information);
    });

    /// <summary>
    /// The experiment's status once it has ended. <paramref name="timeout"/> only stops a broken test from hanging;
    /// nothing is polled.
    /// </summary>
    public static async Task<ExperimentStatus> WaitAsync(IExperimentGrain experiment, TimeSpan timeout)
    {
        var id = experiment.GetPrimaryKeyString();
        try
        {
            await End(id).Task.WaitAsync(timeout);
            Ends.TryRemove(id, out _);
        }
        catch (TimeoutException)
        {
            var status = await experiment.GetStatusAsync();
            throw new TimeoutException($"experiment {id} did not end within {timeout.TotalSeconds} s; now {status.State} "
                + $"[{string.Join(", ", status.Children.Select(c => $"{c.ChildId} {c.State} {c.Windows.Count} windows {c.Error}"))}]");
        }

        return await experiment.GetStatusAsync();
    }

    private static TaskCompletionSource End(string experimentId) =>
        Ends.GetOrAdd(experimentId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class Provider : ILoggerProvider, ILogger
    {
        public static readonly Provider Instance = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "ExperimentEnded" && state is IReadOnlyList<KeyValuePair<string, object?>> fields
                && fields.FirstOrDefault(f => f.Key == "ExperimentId").Value is string id)
            {
                End(id).TrySetResult();
            }
        }

        // One instance serves every test silo; a silo's shutdown must not end it.
        public void Dispose()
        {
        }
    }
}
