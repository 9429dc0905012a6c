using System.CommandLine;

namespace AdaptiveLoss.Cli.Parsing;

/// <summary>
/// <c>ala run</c> on System.CommandLine: its options come from <see cref="RunOptionTable"/>; <c>--flag value</c> or
/// <c>--flag=value</c>, each flag at most once, no positional arguments. <c>--preset</c> is applied first so that explicit
/// flags override it (docs/design.md §4).
/// </summary>
internal static class RunArgumentParser
{
    /// <summary>The <c>run</c> command with every flag of <paramref name="options"/>.</summary>
    public static Command Command(SpecOptions options) =>
        options.AddTo(new Command("run", "train a population of children under a shared loss policy"));

    /// <summary>Parses <paramref name="args"/> (the words after <c>run</c>) as <c>ala run</c> would.</summary>
    /// <exception cref="UsageException">Unknown flag, missing or bad value, repeated flag, stray argument.</exception>
    public static RunArguments Parse(IReadOnlyList<string> args)
    {
        var options = new SpecOptions(RunOptionTable.All);
        var root = CliSyntax.Root("ala");
        root.Add(Command(options));
        var result = CliSyntax.Parse(root, ["run", .. args]);
        if (CliSyntax.HelpAsked(result))
        {
            return new RunArguments { Help = true };
        }

        CliSyntax.ThrowIfInvalid(result);
        return options.Bind(result);
    }
}
