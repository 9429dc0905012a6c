namespace AdaptiveLoss.Benchmarks.Suites;

/// <summary>
/// A suite that parses its own flags: <paramref name="run"/> gets them exactly as given (no --out/--runs handling),
/// writes its JSON into bench/results itself, and the report is regenerated from bench/results afterwards.
/// Register with one line: <c>new RawSuite(CostsSuite.Name, CostsSuite.Usage, CostsSuite.RunAsync, [[]])</c>.
/// </summary>
/// <param name="name">Command name.</param>
/// <param name="usage">Usage text.</param>
/// <param name="run">(flags, output, error, cancellation) → exit code.</param>
/// <param name="allRuns">The flag lists <c>./bench.sh all</c> runs it with.</param>
internal sealed class RawSuite(
    string name,
    string usage,
    Func<IReadOnlyList<string>, TextWriter, TextWriter, CancellationToken, Task<int>> run,
    IReadOnlyList<string[]> allRuns) : IBenchSuite
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public string Usage => usage;

    /// <inheritdoc />
    public IReadOnlyList<string> ValueFlags => [];

    /// <inheritdoc />
    public IReadOnlyList<string> Switches => [];

    /// <inheritdoc />
    public IReadOnlyList<string[]> AllRuns => allRuns;

    /// <inheritdoc />
    public BenchArguments Parse(IReadOnlyList<string> args) => BenchArguments.Unparsed(args);

    /// <inheritdoc />
    public bool IsSmoke(BenchArguments arguments) => arguments.Raw.Contains("--smoke");

    /// <inheritdoc />
    public Task<int> RunAsync(BenchContext context, BenchArguments arguments, CancellationToken cancellationToken) =>
        run(arguments.Raw, context.Log, context.Error, cancellationToken);
}
