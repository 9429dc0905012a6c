using System.CommandLine;

namespace AdaptiveLoss.Cli.Parsing;

/// <summary>
/// The System.CommandLine options generated from a list of <see cref="OptionSpec"/>s, and the way back: the flags a
/// parse found, applied to <see cref="RunArguments"/> (<c>--preset</c> first, so explicit flags override it).
/// </summary>
internal sealed class SpecOptions
{
    private readonly List<(OptionSpec Spec, Option Option)> _options;

    /// <summary>One option per spec; <c>--help</c> is left to <see cref="CliSyntax.Help"/>, which every command has.</summary>
    public SpecOptions(IEnumerable<OptionSpec> specs) =>
        _options = specs.Where(s => s.Name != CliSyntax.Help.Name).Select(s => (s, s.CreateOption())).ToList();

    /// <summary>Adds the options to <paramref name="command"/> and returns it.</summary>
    public Command AddTo(Command command)
    {
        foreach (var (_, option) in _options)
        {
            command.Add(option);
        }

        return command;
    }

    /// <summary>The flags of <paramref name="result"/> applied to <paramref name="start"/> (default: every default).</summary>
    /// <exception cref="UsageException">A value the flag's spec refuses.</exception>
    public RunArguments Bind(ParseResult result, RunArguments? start = null)
    {
        var arguments = start ?? new RunArguments();
        var given = _options.Where(p => result.GetResult(p.Option) is { Implicit: false }).OrderBy(p => p.Spec.AppliesFirst ? 0 : 1);
        foreach (var (spec, option) in given)
        {
            arguments = spec.Apply(arguments, spec.IsSwitch ? string.Empty : CliSyntax.ValueOf(result, option) ?? string.Empty);
        }

        return arguments;
    }
}
