using System.CommandLine;

namespace AdaptiveLoss.Cli.Parsing;

/// <summary>One flag of <c>ala run</c>: its name, help line, default and how it changes the arguments.</summary>
/// <param name="Name">The flag, e.g. <c>--children</c>.</param>
/// <param name="ValueName">Placeholder of its value (e.g. <c>N</c>); null for a switch that takes none.</param>
/// <param name="Help">One-line meaning.</param>
/// <param name="Default">The default as the help and docs/cli.md show it.</param>
/// <param name="Apply">Parses the value (empty for a switch) into the arguments; throws <see cref="UsageException"/>.</param>
/// <param name="AppliesFirst">Applied before every other flag whatever its position (<c>--preset</c>), so explicit flags override it.</param>
/// <param name="Setting">The <see cref="Core.Options.ExperimentOptions"/> property the flag sets, if any: Core's errors name the
/// setting and the CLI shows this flag (<see cref="RunOptionTable.FlagOf"/>).</param>
internal sealed record OptionSpec(
    string Name,
    string? ValueName,
    string Help,
    string Default,
    Func<RunArguments, string, RunArguments> Apply,
    bool AppliesFirst = false,
    string? Setting = null)
{
    /// <summary>True for a flag without a value (<c>--freeze-policy</c>).</summary>
    public bool IsSwitch => ValueName is null;

    /// <summary>
    /// The System.CommandLine option of this flag: a switch takes no value, any other flag exactly one word, kept as
    /// typed so that <see cref="Apply"/> parses it strictly (one message per flag, docs/cli.md).
    /// </summary>
    public Option CreateOption() => IsSwitch
        ? new Option<bool>(Name) { Arity = ArgumentArity.Zero, Description = Help }
        : new Option<string>(Name) { Arity = ArgumentArity.ExactlyOne, HelpName = ValueName, Description = Help };
}
