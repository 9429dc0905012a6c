namespace AdaptiveLoss.Cli.Commands;

/// <summary>Dispatches <c>ala &lt;command&gt;</c> to its command and returns the process exit code.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            error.WriteLine("ala: missing command (run, resume, status, report or policy; see ala --help)");
            return ExitCodes.Usage;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "--help" or "-h" or "help":
                output.Write(HelpText.General);
                return ExitCodes.Success;
            case "run":
                return await RunCommand.ExecuteAsync(rest, output, error);
            case "resume":
                return await ResumeCommand.ExecuteAsync(rest, output, error);
            case "status":
                return await StatusCommand.ExecuteAsync(rest, output, error);
            case "report":
                return ReportCommand.Execute(rest, output, error);
            case "policy":
                return PolicyCommand.Execute(rest, output, error);
            default:
                error.WriteLine($"ala: unknown command '{args[0]}' (run, resume, status, report or policy; see ala --help)");
                return ExitCodes.Usage;
        }
    }
}
