using System.Diagnostics;
using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Grains;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>
/// One experiment from start to results.json: start the grain, poll its status (~500 ms) printing new windows, and at
/// the end write the results, history.json with its plots, and the summary. Each poll asks for the windows since the
/// last one; the session keeps the whole run in its own <see cref="StatusCopy"/>. Long work is start → poll → cancel
/// (docs/design.md §3): no call waits for training. The whole run is one <c>run experiment</c> span, the root of the experiment's
/// trace; the status polls stay out of it (see <see cref="MonitorAsync"/>).
/// </summary>
internal sealed class ExperimentSession(RunPlan plan, TextWriter output, TextWriter error)
{
    private TextWriter _error = error;
    // True when results.json could not be written: the run stays resumable, to another --out.
    private bool _keepRun;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the status polls may keep failing (a cluster healing after a silo died: failure detection about 10 s,
    /// then the re-activations) before the run is given up with one line, exit 1.
    /// </summary>
    private static readonly TimeSpan StatusRetryBudget = TimeSpan.FromSeconds(90);

    /// <summary>Starts the experiment (or, with <paramref name="resume"/>, re-attaches to the stored one) and runs it to its results.</summary>
    public async Task<int> RunAsync(bool resume, CancellationToken interrupt)
    {
        var wall = Stopwatch.StartNew();
        // Before the host: with bars, the host's console logger must write through the watch's stderr.
        using var watch = RunWatch.Start(plan, output, _error);
        _error = watch.Error;
        var started = DateTimeOffset.UtcNow;
        await using var cluster = await ClusterConnection.StartAsync(plan.Target, plan.Telemetry, interrupt, plan.StateDirectory);
        // Declared after the cluster, so the span ends before the host (and its exporters) is disposed and flushed.
        using var activity = RunTelemetry.Start(plan, started);
        try
        {
            var exitCode = await RunExperimentAsync(cluster, watch, wall, resume, interrupt);
            RunTelemetry.End(activity, exitCode);
            return exitCode;
        }
        catch (Exception ex)
        {
            RunTelemetry.Fail(activity, ex);
            throw;
        }
    }

    private async Task<int> RunExperimentAsync(ClusterConnection cluster, RunWatch watch, Stopwatch wall, bool resume, CancellationToken interrupt)
    {
        var grain = cluster.Grains.GetGrain<IExperimentGrain>(plan.ExperimentId);
        var o = plan.Options;
        output.WriteLine($"experiment {plan.ExperimentId}: {o.Children} × {CliNames.NameOf(o.Model)} on {CliNames.NameOf(o.Task)}, "
            + $"loss {CliNames.NameOf(o.Loss)} ({CliNames.NameOf(o.LossForm)}), {o.Epochs} epoch(s), on {cluster.Description}");
        PrintTensorBoard(output);
        if (o.InitialPolicy is { } from)
        {
            output.WriteLine($"policy: starts from {from.Reference} ({from.Source.Task}, {from.Source.Model}, {from.Source.Classes} classes)"
                + (o.FreezePolicy ? ", frozen" : string.Empty));
        }

        var copy = new StatusCopy();
        if (resume)
        {
            // Activating the stored experiment resumes it (its watch timer wakes the unfinished children).
            var stored = copy.Add(await grain.GetStatusAsync());
            if (stored.State == ExperimentState.Idle)
            {
                throw new UsageException($"experiment {plan.ExperimentId} has no stored state in {plan.StateDirectory}/grains (nothing to resume)");
            }

            output.WriteLine($"resuming experiment {plan.ExperimentId}: {stored.Children.Count(c => c.State.HasEnded())} of {stored.Children.Count} children ended, "
                + $"{stored.Children.Sum(c => c.Windows.Count)} windows stored");
        }
        else
        {
            await grain.StartAsync(o);
            // Only once started: a refused start (an id in use, a shared policy's other settings) leaves no record that
            // `ala run` would take for an interrupted run (docs/durability.md, "ala resume").
            if (plan.Target.Embedded && plan.StateDirectory is { } state)
            {
                RunRecordFile.Write(state, plan);
            }
        }

        var status = await MonitorAsync(grain, copy, watch, interrupt);
        if (status is null)
        {
            if (await CancelAsync(grain, copy, watch))
            {
                ForgetRun();
            }

            return ExitCodes.Interrupted;
        }

        var exitCode = await FinishAsync(grain, status, watch, wall);
        if (!_keepRun)
        {
            ForgetRun();
        }

        return exitCode;
    }

    private async Task<int> FinishAsync(IExperimentGrain grain, ExperimentStatus status, RunWatch watch, Stopwatch wall)
    {
        var o = plan.Options;
        if (status.State == ExperimentState.Cancelled)
        {
            _error.WriteLine($"ala: experiment {plan.ExperimentId} was cancelled; no results written");
            return ExitCodes.Failure;
        }

        if (!status.Children.Any(c => c.Outcome is not null))
        {
            _error.WriteLine($"ala: every child failed; no results written (first error: {status.Children.FirstOrDefault()?.Error})");
            return ExitCodes.Failure;
        }

        var policy = await grain.GetPolicySummaryAsync();
        var results = ResultsBuilder.Build(plan.ExperimentId, o, status, policy);
        string outDirectory;
        try
        {
            outDirectory = ResultsWriter.Publish(plan.OutDirectory, plan.ExperimentId, results, plan.Force);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The experiment's state is kept (the run record too): its results can still be written elsewhere.
            _error.WriteLine($"ala: --out {plan.OutDirectory}: results not written ({RunCommand.OneLine(ex.Message)})"
                + (plan.Target.Embedded ? $"; write them with `ala resume {plan.ExperimentId} --state {plan.StateDirectory} --out DIR`" : string.Empty));
            _keepRun = true;
            return ExitCodes.Failure;
        }

        var report = WriteReport(outDirectory, RunHistoryBuilder.Build(o, status, policy));
        watch.Dispose(); // the last frame stays above the summary
        SummaryPrinter.Print(output, results, status, o, Path.Combine(outDirectory, ResultsWriter.FileName), wall.Elapsed.TotalSeconds);
        report?.Print(output);
        PrintSnapshots(output, policy.PolicyId);
        PrintTensorBoard(output);
        if (outDirectory != plan.OutDirectory)
        {
            // Another run wrote results.json into the same --out while this one trained (docs/cli.md, "Files a run writes").
            _error.WriteLine($"ala: --out {plan.OutDirectory} received another run's results.json meanwhile; kept it, this run's results are in {outDirectory}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    // The experiment ended and its results are out: nothing is left to resume.
    private void ForgetRun()
    {
        if (plan.Target.Embedded && plan.StateDirectory is { } state)
        {
            RunRecordFile.Delete(state, plan.ExperimentId);
        }
    }

    // results.json is the run's contract and is already written: a history or plot failure is reported, not fatal.
    private RunReport? WriteReport(string outDirectory, RunHistory history)
    {
        try
        {
            return RunReport.Write(outDirectory, history);
        }
        catch (Exception ex)
        {
            _error.WriteLine($"ala: history or plots not written: {RunCommand.OneLine(ex.Message)}");
            return null;
        }
    }

    /// <summary>
    /// Polls until the experiment ends; null when interrupted first. The polls run outside the trace: a few hundred
    /// status calls (each fanning out to every child) would bury the windows. Clearing the current activity here is
    /// local to this async method; the calls it makes are then roots, which the hosts' sampler does not record.
    /// </summary>
    private static async Task<ExperimentStatus?> MonitorAsync(IExperimentGrain grain, StatusCopy copy, RunWatch progress,
        CancellationToken interrupt)
    {
        Activity.Current = null;
        var failing = (Stopwatch?)null;
        while (!interrupt.IsCancellationRequested)
        {
            ExperimentStatus status;
            try
            {
                status = copy.Add(await grain.GetStatusSinceAsync(copy.Cursor));
                failing = null;
            }
            catch (Exception ex) when (ex is not (ArgumentException or InvalidOperationException or OperationCanceledException))
            {
                // A silo of the cluster died (its gateway, or the experiment's activation): the cluster declares it
                // dead and the experiment re-activates from storage elsewhere; keep polling for a bounded time.
                failing ??= Stopwatch.StartNew();
                if (failing.Elapsed > StatusRetryBudget)
                {
                    throw new InvalidOperationException(
                        $"lost the experiment's status for {StatusRetryBudget.TotalSeconds:0} s: {RunCommand.OneLine(ex.Message)}", ex);
                }

                await Task.Delay(PollInterval, CancellationToken.None);
                continue;
            }

            progress.Update(status);
            if (status.State is ExperimentState.Completed or ExperimentState.Failed or ExperimentState.Cancelled)
            {
                return status;
            }

            try
            {
                await Task.Delay(PollInterval, interrupt);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// Ctrl+C: cancel every child and wait (bounded) until they stopped, so the silo shuts down cleanly; true when the
    /// experiment ended within the grace period.
    /// </summary>
    private async Task<bool> CancelAsync(IExperimentGrain grain, StatusCopy copy, RunWatch progress)
    {
        _error.WriteLine($"ala: interrupted; cancelling experiment {plan.ExperimentId}");
        await grain.CancelAsync();
        Activity.Current = null; // the cancel call is traced; its status polls are not (see MonitorAsync)
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < CancelGrace)
        {
            var status = copy.Add(await grain.GetStatusSinceAsync(copy.Cursor));
            progress.Update(status);
            if (status.State != ExperimentState.Running)
            {
                return true;
            }

            await Task.Delay(PollInterval);
        }

        return false;
    }

    // Where this run's policy snapshots are (embedded silo only: a cluster's silos keep their own state folder).
    private void PrintSnapshots(TextWriter output, string policyId)
    {
        if (plan.Target.Embedded && plan.StateDirectory is { } state
            && new Core.Policy.Snapshots.PolicyStore(state) is var store && store.Latest(policyId) is { } latest)
        {
            output.WriteLine($"policy snapshots: {Path.Combine(store.PoliciesDirectory, policyId)} (latest {policyId}@{latest})");
        }
    }

    // Where the event files go and how to open them: at the start (to watch while it trains) and with the summary.
    private void PrintTensorBoard(TextWriter output)
    {
        if (plan.TensorBoardDirectory is { } dir)
        {
            output.WriteLine($"tensorboard: {Path.Combine(dir, plan.ExperimentId)} (open with: tensorboard --logdir {dir})");
        }
    }
}
