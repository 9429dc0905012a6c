using AdaptiveLoss.Cli.Parsing;

namespace AdaptiveLoss.Cli.Commands;

/// <summary><c>ala run</c>: parse and check everything, then run the experiment; Ctrl+C cancels it (exit 130).</summary>
internal static class RunCommand
{
    public static async Task<int> ExecuteAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        RunPlan plan;
        try
        {
            var arguments = RunArgumentParser.Parse(args);
            if (arguments.Help)
            {
                output.Write(HelpText.Run());
                return ExitCodes.Success;
            }

            plan = RunPlan.From(arguments);
        }
        catch (UsageException ex)
        {
            error.WriteLine($"ala: {ex.Message}");
            return ExitCodes.Usage;
        }

        return await RunSessionAsync(plan, resume: false, output, error);
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
            return await new ExperimentSession(plan, output, error).RunAsync(resume, interrupt.Token);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            error.WriteLine("ala: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (ArgumentException ex)
        {
            // The grain validates too (IExperimentGrain.StartAsync); its message names the option.
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

    /// <summary>The first line of a message: errors are one line on stderr.</summary>
    public static string OneLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');
}
