using System.CommandLine;
using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.IO;
using AdaptiveLoss.Reporting.History;

namespace AdaptiveLoss.Cli.Commands;

/// <summary><c>ala report &lt;runDir&gt;</c>: redraws the four PNGs of a run from its history.json, next to it.</summary>
internal static class ReportCommand
{
    /// <summary>The <c>report</c> command: one run folder, no flags.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var runDir = new Argument<string>("runDir") { Description = "a run folder" };
        var command = new Command("report", "redraw the PNG plots of a run from its history.json") { runDir };
        command.SetAction(result => Execute(CliSyntax.ValueOf(result, runDir)!, output, error));
        return command;
    }

    private static int Execute(string directory, TextWriter output, TextWriter error)
    {
        RunHistory history;
        try
        {
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
        catch (BoundedFileException ex)
        {
            throw new UsageException($"{path}: {ex.Problem}");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: {RunCommand.OneLine(ex.Message)}");
        }
    }
}
