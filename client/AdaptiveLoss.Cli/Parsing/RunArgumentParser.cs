namespace AdaptiveLoss.Cli.Parsing;

/// <summary>
/// Strict parser for <c>ala run</c>: <c>--flag value</c> or <c>--flag=value</c>, each flag at most once, no positional
/// arguments. <c>--preset</c> is applied first so that explicit flags override it (docs/design.md §4).
/// </summary>
internal static class RunArgumentParser
{
    /// <summary>Parses <paramref name="args"/> (the words after <c>run</c>).</summary>
    /// <exception cref="UsageException">Unknown flag, missing or bad value, repeated flag, stray argument.</exception>
    public static RunArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec>? table = null)
    {
        table ??= RunOptionTable.All;
        if (args.Any(a => a is "--help" or "-h"))
        {
            return new RunArguments { Help = true };
        }

        var given = Tokenize(args, table);
        var result = new RunArguments();
        foreach (var (spec, value) in given.OrderBy(g => g.Spec.AppliesFirst ? 0 : 1))
        {
            result = spec.Apply(result, value);
        }

        return result;
    }

    private static List<(OptionSpec Spec, string Value)> Tokenize(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> table)
    {
        var byName = table.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var given = new List<(OptionSpec Spec, string Value)>();
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{word}' (options start with --; see ala run --help)");
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? word : word[..equals];
            if (!byName.TryGetValue(name, out var spec))
            {
                throw new UsageException($"unknown option '{name}' (see ala run --help)");
            }

            if (given.Any(g => g.Spec == spec))
            {
                throw new UsageException($"{name} is given more than once");
            }

            given.Add((spec, ValueOf(spec, word, equals, args, ref i)));
        }

        return given;
    }

    private static string ValueOf(OptionSpec spec, string word, int equals, IReadOnlyList<string> args, ref int i)
    {
        if (spec.IsSwitch)
        {
            return equals < 0 ? string.Empty : throw new UsageException($"{spec.Name} takes no value (got '{word[(equals + 1)..]}')");
        }

        if (equals >= 0)
        {
            return word[(equals + 1)..];
        }

        if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
        {
            throw new UsageException($"{spec.Name} needs a value ({spec.ValueName})");
        }

        return args[++i];
    }
}
