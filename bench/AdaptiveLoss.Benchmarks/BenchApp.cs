using AdaptiveLoss.Benchmarks.Figures;
using AdaptiveLoss.Benchmarks.Report;

namespace AdaptiveLoss.Benchmarks;

/// <summary>
/// Dispatches <c>./bench.sh SUITE [flags]</c> to a registered suite, then regenerates the markdown report from the
/// results folder. Exit codes: 0 success, 1 a run failed or results are missing, 2 bad input (one line on stderr,
/// nothing run), 130 interrupted.
/// </summary>
internal static class BenchApp
{
    /// <summary>The pseudo-suite that runs every suite's <see cref="IBenchSuite.AllRuns"/> in registration order.</summary>
    public const string All = "all";

    /// <summary>Runs <paramref name="args"/> with Ctrl+C cancelling the running suite (and the processes it started).</summary>
    public static async Task<int> MainAsync(string[] args, IReadOnlyList<IBenchSuite> suites)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await RunAsync(args, suites, new ReportingFigureRenderer(), Console.Out, Console.Error, cancel.Token);
    }

    /// <summary>Runs <paramref name="args"/>; progress goes to <paramref name="log"/>, a usage error to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(
        string[] args, IReadOnlyList<IBenchSuite> suites, IFigureRenderer figures, TextWriter log, TextWriter error, CancellationToken cancellationToken)
    {
        if (args is [] or ["--help"] or ["-h"])
        {
            (args.Length == 0 ? error : log).Write(Usage(suites));
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var runs = Plan(args, suites);
            var rc = 0;
            BenchContext? context = null;
            foreach (var (suite, arguments) in runs)
            {
                context = BenchContext.From(arguments, suite.IsSmoke(arguments), figures, log, error);
                rc = Math.Max(rc, await suite.RunAsync(context, arguments, cancellationToken));
            }

            ReportWriter.Write(context!.ResultsDirectory, context.MarkdownPath, context.FiguresDirectory);
            log.WriteLine($"[bench] results: {context.ResultsDirectory}, report: {context.MarkdownPath}");
            return rc;
        }
        catch (BenchUsageException e)
        {
            error.WriteLine($"bench: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("bench: interrupted");
            return 130;
        }
    }

    // Every (suite, arguments) pair to run, parsed before anything runs so that bad input starts nothing.
    private static List<(IBenchSuite Suite, BenchArguments Arguments)> Plan(string[] args, IReadOnlyList<IBenchSuite> suites)
    {
        if (args[0] == All)
        {
            var common = BenchArguments.Parse(args[1..], [], []);
            var shared = BenchArguments.Common.Where(common.Has).SelectMany(f => new[] { f, common.Value(f)! }).ToArray();
            return suites
                .SelectMany(s => s.AllRuns.Select(run => (s, s.Parse([.. run, .. shared]))))
                .ToList();
        }

        var suite = suites.FirstOrDefault(s => s.Name == args[0])
            ?? throw new BenchUsageException($"unknown suite '{args[0]}' (one of: {string.Join(", ", suites.Select(s => s.Name).Append(All))})");
        return [(suite, suite.Parse(args[1..]))];
    }

    private static string Usage(IReadOnlyList<IBenchSuite> suites) =>
        "usage: ./bench.sh SUITE [flags]\n" +
        string.Concat(suites.Select(s => $"  {s.Name} {s.Usage}\n")) +
        $"  {All} [--out DIR] [--runs DIR]   every suite at its full budget, in this order\n" +
        "common flags: --out DIR (JSON; default bench/results, smoke: bench/smoke), --docs FILE (markdown; default\n" +
        "  docs/results.md, or DIR/results.md with --out DIR), --runs DIR (run folders; default bench/runs),\n" +
        "  --ala PATH (the CLI: ./ala by default, or a built ala.dll)\n";
}
