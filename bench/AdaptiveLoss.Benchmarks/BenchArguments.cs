namespace AdaptiveLoss.Benchmarks;

/// <summary>
/// The flags after the suite name: <c>--flag value</c>, <c>--flag=value</c>, or a bare switch. Only the flags the
/// suite declares (plus <see cref="Common"/>) are accepted; anything else is a <see cref="BenchUsageException"/>.
/// </summary>
internal sealed class BenchArguments
{
    /// <summary>Flags every suite accepts: results folder, markdown file, runs root, and the CLI to start.</summary>
    public static IReadOnlyList<string> Common { get; } = ["--out", "--docs", "--runs", "--ala"];

    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private BenchArguments(IReadOnlyList<string> raw) => Raw = raw;

    /// <summary>The flags exactly as given (for a suite that parses its own, see <see cref="Suites.RawSuite"/>).</summary>
    public IReadOnlyList<string> Raw { get; }

    /// <summary>The flags unparsed: only <see cref="Raw"/> is set.</summary>
    public static BenchArguments Unparsed(IReadOnlyList<string> args) => new(args);

    /// <summary>Parses <paramref name="args"/>; <paramref name="valueFlags"/> take a value, <paramref name="switches"/> do not.</summary>
    public static BenchArguments Parse(IReadOnlyList<string> args, IReadOnlyList<string> valueFlags, IReadOnlyList<string> switches)
    {
        var parsed = new BenchArguments(args);
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = args[i].Split('=', 2) is [var f, var v] && f.StartsWith("--", StringComparison.Ordinal) ? (f, v) : (args[i], null);
            if (switches.Contains(flag) && inline is null)
            {
                parsed._values[flag] = null;
            }
            else if (Common.Contains(flag) || valueFlags.Contains(flag))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new BenchUsageException($"{flag} needs a value"));
                parsed._values[flag] = value.Length > 0 ? value : throw new BenchUsageException($"{flag} needs a non-empty value");
            }
            else
            {
                throw new BenchUsageException($"unknown argument '{args[i]}'");
            }
        }

        return parsed;
    }

    /// <summary>True when <paramref name="flag"/> was given.</summary>
    public bool Has(string flag) => _values.ContainsKey(flag);

    /// <summary>The value of <paramref name="flag"/>, or null.</summary>
    public string? Value(string flag) => _values.GetValueOrDefault(flag);

    /// <summary>A positive whole number, or <paramref name="fallback"/> when absent.</summary>
    public int PositiveInt(string flag, int fallback) =>
        Value(flag) is not { } text ? fallback
        : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new BenchUsageException($"{flag} must be a positive whole number, got '{text}'");
}
