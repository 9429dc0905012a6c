namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Registers a suite that reads its own flags (the costs and peer suites) with the dispatcher: the dispatcher checks
/// the flag names (<paramref name="valueFlags"/>, <paramref name="switches"/>, plus the common ones) before anything
/// runs, the suite parses the values, and it writes into the dispatcher's results folder — the one the report is
/// regenerated from — so <c>--out DIR</c> and <c>--smoke</c> (bench/smoke) mean what they mean for every suite. Bad
/// values are caught at parse time too, so bad input runs and writes nothing.
/// </summary>
/// <param name="name">Command name.</param>
/// <param name="usage">Usage text (flags after the name).</param>
/// <param name="valueFlags">The suite's flags that take a value.</param>
/// <param name="switches">The suite's flags without a value.</param>
/// <param name="check">Parses the suite's flags and values; throws <see cref="ArgumentException"/> for bad input.</param>
/// <param name="run">(flags, output, error, cancellation) → exit code; the flags end with <c>--out RESULTS</c>.</param>
internal sealed class FlagSuite(
    string name,
    string usage,
    IReadOnlyList<string> valueFlags,
    IReadOnlyList<string> switches,
    Action<IReadOnlyList<string>> check,
    Func<IReadOnlyList<string>, TextWriter, TextWriter, CancellationToken, Task<int>> run) : IBenchSuite
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public string Usage => usage;

    /// <inheritdoc />
    public IReadOnlyList<string> ValueFlags => valueFlags;

    /// <inheritdoc />
    public IReadOnlyList<string> Switches => switches;

    /// <inheritdoc />
    public IReadOnlyList<string[]> AllRuns => [[]];

    /// <inheritdoc />
    public BenchArguments Parse(IReadOnlyList<string> args)
    {
        var arguments = BenchArguments.Parse(args, valueFlags, switches);
        try
        {
            check([.. WithoutCommon(arguments.Raw)]);
        }
        catch (ArgumentException e)
        {
            throw new BenchUsageException($"{name}: {e.Message}");
        }

        return arguments;
    }

    /// <inheritdoc />
    public bool IsSmoke(BenchArguments arguments) => arguments.Has("--smoke");

    /// <inheritdoc />
    public Task<int> RunAsync(BenchContext context, BenchArguments arguments, CancellationToken cancellationToken) =>
        run([.. WithoutCommon(arguments.Raw), "--out", context.ResultsDirectory], context.Log, context.Error, cancellationToken);

    // The dispatcher's own flags (--out, --docs, --runs, --ala) are its business: drop them with their values.
    private static IEnumerable<string> WithoutCommon(IReadOnlyList<string> raw)
    {
        for (var i = 0; i < raw.Count; i++)
        {
            var flag = raw[i].Split('=', 2)[0];
            if (!BenchArguments.Common.Contains(flag))
            {
                yield return raw[i];
            }
            else if (!raw[i].Contains('=', StringComparison.Ordinal))
            {
                i++;
            }
        }
    }
}
