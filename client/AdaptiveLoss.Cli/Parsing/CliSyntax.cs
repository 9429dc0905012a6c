using System.CommandLine;
using System.CommandLine.Parsing;

namespace AdaptiveLoss.Cli.Parsing;

/// <summary>
/// What every <c>ala</c> command shares on System.CommandLine: the parser settings, the <c>--help</c>/<c>-h</c> switch and the
/// house error contract (docs/cli.md): the first problem of a command line becomes one line naming the flag or word,
/// never System.CommandLine's own multi-line report.
/// </summary>
internal static class CliSyntax
{
    /// <summary>
    /// No response files (<c>@file</c> is a value like any other) and no bundling of short flags; the command lines
    /// accepted before System.CommandLine are accepted unchanged.
    /// </summary>
    public static ParserConfiguration Configuration { get; } = new() { ResponseFileTokenReplacer = null, EnablePosixBundling = false };

    /// <summary><c>--help</c>/<c>-h</c>, valid after every command; it wins over any other flag or problem.</summary>
    public static Option<bool> Help { get; } = new("--help", "-h") { Arity = ArgumentArity.Zero, Recursive = true, Description = "show this help" };

    /// <summary>A root command with only <see cref="Help"/>: no version option, no <c>[directive]</c> words.</summary>
    public static RootCommand Root(string description)
    {
        var root = new RootCommand(description);
        root.Options.Clear();
        root.Directives.Clear();
        root.Add(Help);
        return root;
    }

    /// <summary>Parses <paramref name="args"/> (the whole command line) against <paramref name="root"/>.</summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args) => root.Parse(args, Configuration);

    /// <summary>True when <c>--help</c> or <c>-h</c> was given anywhere.</summary>
    public static bool HelpAsked(ParseResult result) => result.GetValue(Help);

    /// <summary>The words after <c>ala</c> that name the parsed command, e.g. <c>policy show</c>; empty for the root.</summary>
    public static string PathOf(ParseResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result.CommandResult; r is CommandResult c && c.Parent is not null; r = r.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>The value given for <paramref name="option"/> (null when absent): the one token after it, as typed.</summary>
    public static string? ValueOf(ParseResult result, Option option) =>
        result.GetResult(option) is { Implicit: false, Tokens: [var token] } ? token.Value : null;

    /// <summary>The word given for <paramref name="argument"/>, null when absent.</summary>
    public static string? ValueOf(ParseResult result, Argument argument) =>
        result.GetResult(argument) is { Tokens: [var token, ..] } ? token.Value : null;

    /// <summary>Throws the first problem of <paramref name="result"/> as a one-line <see cref="UsageException"/>.</summary>
    public static void ThrowIfInvalid(ParseResult result)
    {
        if (Problem(result) is { } problem)
        {
            throw new UsageException(problem);
        }
    }

    /// <summary>The first problem of <paramref name="result"/> as one line naming the flag or word; null when there is none.</summary>
    public static string? Problem(ParseResult result)
    {
        var path = PathOf(result);
        var see = path.Length == 0 ? "see ala --help" : $"see ala {path} --help";
        var command = result.CommandResult.Command;
        if (command.Subcommands.Count > 0)
        {
            // ala and ala policy only choose a subcommand.
            var what = path.Length == 0 ? "command" : $"{path} command";
            var choices = $"{Listed(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}; {see}";
            return result.UnmatchedTokens is [var first, ..] ? $"unknown {what} '{first}' ({choices})" : $"missing {what} ({choices})";
        }

        return OptionProblem(result) ?? UnmatchedProblem(result, see) ?? ArgumentProblem(result, path, see)
            ?? (result.Errors is [var error, ..] ? error.Message : null);
    }

    private static string? OptionProblem(ParseResult result)
    {
        foreach (var option in result.CommandResult.Children.OfType<OptionResult>().Where(o => !o.Implicit))
        {
            var name = option.Option.Name;
            if (option.IdentifierTokenCount > 1)
            {
                return $"{name} is given more than once";
            }

            // System.CommandLine takes the word after a flag as its value even when it is the next flag (--epochs --seed 1).
            if (option.Option.Arity.MaximumNumberOfValues > 0 && (option.Tokens is not [var value] || IsFlag(value.Value)))
            {
                return $"{name} needs a value ({option.Option.HelpName})";
            }
        }

        return null;
    }

    private static string? UnmatchedProblem(ParseResult result, string see)
    {
        if (result.UnmatchedTokens is not [var word, ..])
        {
            return null;
        }

        // A stray word right after a switch (--freeze-policy=yes, --freeze-policy yes) was meant as its value.
        var tokens = result.Tokens;
        var at = tokens.Select((t, i) => (t, i)).FirstOrDefault(p => p.t.Type == TokenType.Argument && p.t.Value == word).i;
        if (at > 0 && tokens[at - 1].Type == TokenType.Option
            && result.CommandResult.Children.OfType<OptionResult>().FirstOrDefault(o => o.IdentifierToken?.Value == tokens[at - 1].Value) is
                { Option.Arity.MaximumNumberOfValues: 0 } switchResult)
        {
            return $"{switchResult.Option.Name} takes no value (got '{word}')";
        }

        if (word.StartsWith('-') && word.Length > 1 && !double.TryParse(word, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return $"unknown option '{word.Split('=', 2)[0]}' ({see})";
        }

        return result.CommandResult.Command.Arguments.Count > 0
            ? $"unexpected argument '{word}' ({see})"
            : $"unexpected argument '{word}' (options start with --; {see})";
    }

    private static bool IsFlag(string word) => word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2;

    private static string? ArgumentProblem(ParseResult result, string path, string see)
    {
        foreach (var argument in result.CommandResult.Command.Arguments)
        {
            var value = ValueOf(result, argument);
            if (argument.Arity.MinimumNumberOfValues > 0 && value is null)
            {
                return $"{path} needs {argument.Description} ({see})";
            }

            // An unknown flag where a word is expected is taken as the word (ala report --x).
            if (value is not null && IsFlag(value))
            {
                return $"unknown option '{value.Split('=', 2)[0]}' ({see})";
            }
        }

        return null;
    }

    private static string Listed(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }
}
