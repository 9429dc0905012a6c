using System.CommandLine;
using AdaptiveLoss.Cli.Parsing;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>
/// <c>ala &lt;command&gt;</c> on System.CommandLine: parses the whole command line, answers <c>--help</c> with the command's help
/// text, refuses bad input with one line (exit 2, nothing started) and otherwise runs the command's action.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Create(output, error);
        var result = CliSyntax.Parse(root, args);
        if (CliSyntax.HelpAsked(result) || result.CommandResult.Command.Name == "help")
        {
            output.Write(HelpText.For(result.CommandResult.Command));
            return ExitCodes.Success;
        }

        if (CliSyntax.Problem(result) is { } problem)
        {
            error.WriteLine($"ala: {problem}");
            return ExitCodes.Usage;
        }

        // The commands report their own errors (one line each); `ala run` handles Ctrl+C itself (exit 130).
        try
        {
            return await result.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (OutOfMemoryException)
        {
            // Never a crash with a stack trace (docs/design.md §4): inputs are bounded before they are read, so this is
            // a machine short of memory, a runtime failure.
            error.WriteLine("ala: out of memory");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The root command with every subcommand, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = CliSyntax.Root("ala — Adaptive Loss Alignment (Huang et al., ICML 2019) on Orleans");
        root.Add(RunCommand.Create(output, error));
        root.Add(ResumeCommand.Create(output, error));
        root.Add(StatusCommand.Create(output, error));
        root.Add(ReportCommand.Create(output, error));
        root.Add(PolicyCommand.Create(output, error));
        root.Add(new Command("help", "the general help") { Hidden = true }); // `ala help`, as `ala --help`
        return root;
    }
}
