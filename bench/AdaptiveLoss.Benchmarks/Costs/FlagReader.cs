using System.Globalization;

namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// The flags of the costs and peer suites: <c>--name value</c>, <c>--name=value</c> or a bare switch. Every flag must be
/// read once; <see cref="ThrowOnUnknown"/> then rejects the rest, so a typo never silently falls back to a default.
/// </summary>
internal sealed class FlagReader
{
    private readonly Dictionary<string, string?> _flags = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>; a value that is not a flag must follow one.</summary>
    /// <exception cref="ArgumentException">A stray argument or a repeated flag.</exception>
    public FlagReader(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{arg}' (flags are --name value)");
            }

            var (name, value) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0
                ? (arg[2..eq], arg[(eq + 1)..])
                : (arg[2..], i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (!_flags.TryAdd(name, value))
            {
                throw new ArgumentException($"--{name} given twice");
            }
        }
    }

    /// <summary>True when the switch is present (it must carry no value).</summary>
    public bool Switch(string name)
    {
        if (!_flags.Remove(name, out var value))
        {
            return false;
        }

        return value is null ? true : throw new ArgumentException($"--{name} takes no value (got '{value}')");
    }

    /// <summary>A string flag, or <paramref name="fallback"/>.</summary>
    public string String(string name, string fallback) => Take(name) ?? fallback;

    /// <summary>An integer flag at least <paramref name="minimum"/>, or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback, int minimum = 1)
    {
        var text = Take(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"--{name} must be an integer of at least {minimum} (got '{text}')");
    }

    /// <summary>A comma-separated list of integers, each at least 1, or <paramref name="fallback"/>.</summary>
    public int[] Ints(string name, int[] fallback)
    {
        var text = Take(name);
        if (text is null)
        {
            return fallback;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 1 ? v : -1).ToArray();
        return values.Length > 0 && values.All(v => v >= 1)
            ? values
            : throw new ArgumentException($"--{name} must be a comma-separated list of positive integers (got '{text}')");
    }

    /// <summary>A positive number, or <paramref name="fallback"/>.</summary>
    public double Double(string name, double fallback)
    {
        var text = Take(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"--{name} must be a positive number (got '{text}')");
    }

    /// <summary>Rejects every flag not read so far.</summary>
    public void ThrowOnUnknown(string suite)
    {
        if (_flags.Keys.FirstOrDefault() is { } name)
        {
            throw new ArgumentException($"{suite}: unknown flag --{name}");
        }
    }

    private string? Take(string name)
    {
        if (!_flags.Remove(name, out var value))
        {
            return null;
        }

        return value ?? throw new ArgumentException($"--{name} needs a value");
    }
}
