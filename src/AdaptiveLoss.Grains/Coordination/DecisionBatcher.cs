using System.Diagnostics;
using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Grains;

/// <summary>
/// Batches the decisions of the children of one silo (docs/design.md §1.6): a request goes out
/// at once when no call to its coordinator is in flight; requests that arrive while one is in flight wait for it and
/// then go together as one <see cref="ICoordinatorGrain.DecideManyAsync"/> (at most <see cref="MaxBatch"/> each). No
/// timer and no added delay for a lone child; under load, one grain call and one forward pass serve many children.
/// Every decision is the one the child would get alone (per-window random streams, row-independent forward pass).
/// Thread-safe: children's training threads call it at once.
/// </summary>
public sealed class DecisionBatcher
{
    /// <summary>Requests per call: 256 states of 45 × 24 features are about 1.1 MB of message and 45 blocks of rows.</summary>
    public const int MaxBatch = 256;

    private readonly Lock _gate = new();
    // By grain reference (equal references name the same coordinator grain).
    private readonly Dictionary<ICoordinatorGrain, Line> _lines = [];

    /// <summary>The actions for <paramref name="request"/> from <paramref name="coordinator"/>, batched with other children's.</summary>
    public Task<PolicyDecision> DecideAsync(ICoordinatorGrain coordinator, DecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(request);
        // The caller's window span travels with the request: in a batch, the call runs in the first caller's context.
        if (request.TraceParent is null && Activity.Current is { IdFormat: ActivityIdFormat.W3C } current)
        {
            request = request with { TraceParent = current.Id };
        }

        var waiting = new Waiting(request, new TaskCompletionSource<PolicyDecision>(TaskCreationOptions.RunContinuationsAsynchronously));
        Line line;
        bool send;
        lock (_gate)
        {
            if (!_lines.TryGetValue(coordinator, out line!))
            {
                line = new Line(coordinator);
                _lines[coordinator] = line;
            }

            line.Queue.Enqueue(waiting);
            send = !line.Sending;
            line.Sending |= send;
        }

        if (send)
        {
            _ = Task.Run(() => SendAsync(line));
        }

        return waiting.Done.Task;
    }

    // Sends what is queued, one call at a time, until the queue is empty; a failed call fails its requests only (the
    // children retry them, GrainCallRetry).
    private async Task SendAsync(Line line)
    {
        while (true)
        {
            Waiting[] batch;
            lock (_gate)
            {
                if (line.Queue.Count == 0)
                {
                    line.Sending = false;
                    return;
                }

                batch = new Waiting[Math.Min(MaxBatch, line.Queue.Count)];
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i] = line.Queue.Dequeue();
                }
            }

            try
            {
                var decisions = batch.Length == 1
                    ? [await line.Coordinator.DecideAsync(batch[0].Request.ChildId, batch[0].Request.Window, batch[0].Request.States)]
                    : await line.Coordinator.DecideManyAsync([.. batch.Select(w => w.Request)]);
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i].Done.SetResult(decisions[i]);
                }
            }
            catch (Exception ex)
            {
                foreach (var waiting in batch)
                {
                    waiting.Done.TrySetException(ex);
                }
            }
        }
    }

    private sealed record Waiting(DecisionRequest Request, TaskCompletionSource<PolicyDecision> Done);

    private sealed class Line(ICoordinatorGrain coordinator)
    {
        public ICoordinatorGrain Coordinator { get; } = coordinator;

        public Queue<Waiting> Queue { get; } = new();

        public bool Sending { get; set; }
    }
}
