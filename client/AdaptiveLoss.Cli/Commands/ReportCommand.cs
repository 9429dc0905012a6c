using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Cli.Commands;

/// <summary><c>ala report &lt;runDir&gt;</c>: redraws the four PNGs of a run from its history.json, next to it.</summary>
internal static class ReportCommand
{
    public static int Execute(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            output.Write(HelpText.Report);
            return ExitCodes.Success;
        }

        RunHistory history;
        string directory;
        try
        {
            directory = Parse(args);
            history = Read(directory);
        }
        catch (UsageException ex)
        {
            error.WriteLine($"ala: {ex.Message}");
            return ExitCodes.Usage;
        }

        try
        {
            RunReport.Redraw(directory, history).Print(output);
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            error.WriteLine($"ala: plots not written: {RunCommand.OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
    }

    private static string Parse(IReadOnlyList<string> args)
    {
        var unknown = args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal));
        return unknown is not null ? throw new UsageException($"unknown option '{unknown}' (see ala report --help)")
            : args.Count == 0 ? throw new UsageException("report needs a run folder (see ala report --help)")
            : args.Count > 1 ? throw new UsageException($"unexpected argument '{args[1]}'")
            : args[0];
    }

    // Every way the input can be wrong is one line and exit 2, before anything is drawn.
    private static RunHistory Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new UsageException($"run folder '{directory}' does not exist");
        }

        var path = Path.Combine(directory, RunHistoryFile.FileName);
        if (!File.Exists(path))
        {
            throw new UsageException($"no {RunHistoryFile.FileName} in '{directory}' (ala run writes it next to results.json)");
        }

        try
        {
            return RunHistoryFile.Read(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: {RunCommand.OneLine(ex.Message)}");
        }
    }
}
