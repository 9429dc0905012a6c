using System.CommandLine;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.IO;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Commands;

/// <summary><c>ala run</c>: parse and check everything, then run the experiment; Ctrl+C cancels it (exit 130).</summary>
internal static class RunCommand
{
    /// <summary>The <c>run</c> command: every flag from <see cref="RunOptionTable"/>, the run on <paramref name="output"/>.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new SpecOptions(RunOptionTable.All);
        var command = RunArgumentParser.Command(options);
        command.SetAction(async result =>
        {
            RunPlan plan;
            try
            {
                plan = RunPlan.From(options.Bind(result));
            }
            catch (UsageException ex)
            {
                error.WriteLine($"ala: {ex.Message}");
                return ExitCodes.Usage;
            }

            return await RunSessionAsync(plan, resume: false, output, error);
        });
        return command;
    }

    /// <summary>
    /// Runs (or, with <paramref name="resume"/>, continues) the experiment of <paramref name="plan"/> to its results;
    /// the first Ctrl+C cancels it gracefully (exit 130).
    /// </summary>
    public static async Task<int> RunSessionAsync(RunPlan plan, bool resume, TextWriter output, TextWriter error)
    {
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl+C cancels the experiment gracefully; a second one kills the process as usual.
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var owner = LockState(plan, resume);
            return await new ExperimentSession(plan, output, error).RunAsync(resume, interrupt.Token);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            error.WriteLine("ala: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (InvalidOptionsException ex) when (ex.Error is { } refused)
        {
            // The grains validate too (a shared policy's settings, docs/policy-snapshots.md): they name the setting, the user sees its flag.
            error.WriteLine($"ala: {RunOptionTable.Describe(refused)}");
            return ExitCodes.Usage;
        }
        catch (ArgumentException ex)
        {
            // The other refusals of IExperimentGrain.StartAsync (an experiment id in use) are already one line for the user.
            error.WriteLine($"ala: {OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (UsageException ex)
        {
            error.WriteLine($"ala: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex)
        {
            error.WriteLine($"ala: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// One owner per state folder (docs/durability.md, "One owner per state folder"): an embedded silo's folder is locked
    /// after every input check and before the silo starts, and released when the session ends; the kernel releases it
    /// too when the process dies, however it dies.
    /// </summary>
    /// <exception cref="UsageException">Another process holds the folder, or the run to resume ended meanwhile.</exception>
    private static StateFolderLock? LockState(RunPlan plan, bool resume)
    {
        if (!plan.Target.Embedded || plan.StateDirectory is not { } state)
        {
            return null;
        }

        StateFolderLock owner;
        try
        {
            owner = StateFolderLock.Acquire(state, $"ala {(resume ? "resume" : "run")} {plan.ExperimentId}");
        }
        catch (StateFolderBusyException ex)
        {
            throw new UsageException($"--state: {ex.Message}; wait for it to end, or give this run another --state");
        }

        if (resume && !File.Exists(RunRecordFile.PathOf(state, plan.ExperimentId)))
        {
            // Another `ala resume` finished it between the check and the lock.
            owner.Dispose();
            throw new UsageException($"no experiment '{plan.ExperimentId}' to resume in state folder {state} (it ended meanwhile)");
        }

        return owner;
    }

    /// <summary>The first line of a message: errors are one line on stderr.</summary>
    public static string OneLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');
}
