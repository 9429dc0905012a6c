namespace AdaptiveLoss.Grains.Coordination;

/// <summary>
/// Group commit for the coordinator's storage (docs/durability.md, "Group commit"): every caller waits for a store that
/// began after it asked, and one store serves every caller that asked while the previous one was in flight. A round of
/// n children then costs a few stores of the record instead of n, each of which holds a stub per pending transition
/// (n² work per round otherwise). Runs on the grain's scheduler, one store at a time; not thread-safe.
/// </summary>
internal sealed class GroupCommit(Func<Task> store)
{
    private TaskCompletionSource? _next;
    private Task _running = Task.CompletedTask;

    /// <summary>Completes when everything done before this call is stored; faults with the store's exception.</summary>
    public Task StoredAsync()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stored = _next.Task;
        if (_running.IsCompleted)
        {
            _running = RunAsync();
        }

        return stored;
    }

    /// <summary>Completes when no store is in flight or queued.</summary>
    public Task IdleAsync() => _running;

    private async Task RunAsync()
    {
        while (_next is { } waiting)
        {
            _next = null;
            try
            {
                await store();
                waiting.SetResult();
            }
            catch (Exception ex)
            {
                waiting.SetException(ex);
            }
        }
    }
}
