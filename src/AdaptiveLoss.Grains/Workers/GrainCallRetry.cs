using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AdaptiveLoss.Grains.Workers;

/// <summary>
/// Retries a training thread's grain call while the cluster heals (docs/durability.md): a silo that died mid-call, a grain
/// being re-activated elsewhere, storage briefly unreachable. Exponential backoff from 0.5 s, capped at 5 s, with
/// jitter (so children that failed together do not retry in lock-step), for at most
/// <see cref="TrainingOptions.GrainCallRetrySeconds"/>: a retry is made only if its wait ends inside the budget,
/// otherwise the last error fails the child. Safe because every call it wraps is idempotent: a decision for a window is
/// a pure function of the policy version and the window's random stream, and a re-sent report is refused as a duplicate
/// by the coordinator and replaces itself at the child grain. Argument errors (a bug or bad input, not a fault) are not
/// retried.
/// </summary>
internal sealed class GrainCallRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private static readonly ResiliencePropertyKey<string> CallKey = new("adaptive_loss.grain_call");
    private static readonly ResiliencePropertyKey<long> StartedKey = new("adaptive_loss.grain_call.started");

    private readonly string _childId;
    private readonly TimeSpan _budget;
    private readonly CancellationToken _cancellationToken;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;

    public GrainCallRetry(string childId, TimeSpan budget, CancellationToken cancellationToken, ILogger logger, TimeProvider time)
    {
        _childId = childId;
        _budget = budget;
        _cancellationToken = cancellationToken;
        _logger = logger;
        _time = time;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && IsTransient(ex)
                    && !args.Context.CancellationToken.IsCancellationRequested),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = MaxDelay,
                // No attempt limit: the time budget ends the retries (OnRetry).
                MaxRetryAttempts = int.MaxValue,
                OnRetry = OnRetry,
            })
            .Build();
    }

    /// <summary>Runs <paramref name="call"/> on the calling (training) thread until it succeeds or the budget is spent.</summary>
    public T Run<T>(string name, Func<Task<T>> call)
    {
        if (_cancellationToken.IsCancellationRequested)
        {
            // Polly starts no attempt on a cancelled token; this retry always made the first call (and retried none),
            // so a window that finished as its child was cancelled still reports.
            return call().GetAwaiter().GetResult();
        }

        var context = ResilienceContextPool.Shared.Get(_cancellationToken);
        context.Properties.Set(CallKey, name);
        context.Properties.Set(StartedKey, _time.GetTimestamp());
        try
        {
            // Synchronous execution: the training thread blocks (docs/design.md §3) and Polly waits on the child's token, which
            // ends a wait early with OperationCanceledException.
            return _pipeline.Execute(static (_, c) => c().GetAwaiter().GetResult(), context, call);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Runs a call without a result.</summary>
    public void Run(string name, Func<Task> call) => Run(name, async () =>
    {
        await call();
        return true;
    });

    private ValueTask OnRetry(OnRetryArguments<object> args)
    {
        var error = args.Outcome.Exception!;
        // Polly decides to retry before it draws the jittered delay, so the budget is checked here, where the delay is
        // known: a wait that would end past the budget is not started, and the call's own error fails the child.
        var elapsed = _time.GetElapsedTime(args.Context.Properties.GetValue(StartedKey, 0L));
        if (elapsed + args.RetryDelay >= _budget)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        var name = args.Context.Properties.GetValue(CallKey, "?");
        Log.GrainCallRetry(_logger, error, name, _childId, args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
        return ValueTask.CompletedTask;
    }

    private static bool IsTransient(Exception ex) => ex is not (ArgumentException or InvalidOperationException or OperationCanceledException);
}
