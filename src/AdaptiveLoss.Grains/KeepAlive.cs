namespace AdaptiveLoss.Grains;

/// <summary>
/// Keeps an activation alive while its children train (peers §4a.3: an activation that handles no message is
/// collected after 15 minutes even if work it started is still running). Dispose the timer when the work ends.
/// </summary>
internal static class KeepAlive
{
    // Due time below the default collection age: a KeepAlive timer whose first tick comes later does not help.
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public static IGrainTimer Register(Grain grain) =>
        grain.RegisterGrainTimer(_ => Task.CompletedTask, new GrainTimerCreationOptions(Period, Period) { KeepAlive = true });
}
