using System.CommandLine;
using System.Text;
using AdaptiveLoss.Cli.Parsing;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>Help texts; <c>ala run</c>'s is generated from <see cref="RunOptionTable"/>, as its parser is, so they cannot drift.</summary>
internal static class HelpText
{
    public const string General = """
        ala — Adaptive Loss Alignment (Huang et al., ICML 2019) on Orleans

        usage:
          ala run [options]                          train a population of children under a shared loss policy
          ala resume <experimentId> [--state DIR]    continue an embedded run whose process was killed
          ala status <experimentId> [--cluster CONN] table of the children of an experiment on a running cluster
          ala report <runDir>                        redraw the PNG plots of a run from its history.json
          ala policy list|show|export|import ...     the policy snapshots of a state folder (see ala policy --help)
          ala --help | ala run --help | ala resume --help | ala status --help | ala report --help | ala policy --help

        exit codes: 0 success, 1 runtime failure, 2 bad input (one line on stderr), 130 interrupted
        """;

    public const string Status = """
        usage: ala status <experimentId> [--cluster CONN] [--tls-cert FILE [--tls-key FILE] --tls-ca FILE] [--redis-password-file FILE]

          --cluster CONN   localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT (default: localhost, gateway 30000)
          --tls-cert FILE, --tls-key FILE, --tls-ca FILE   this client's certificate, its key and the cluster's CA (mutual TLS)
          --redis-password-file FILE   the Redis password (default: $ALA_REDIS_PASSWORD)

        Prints the state, progress and last window of each child of an experiment running (or finished) on a
        cluster; `ala run` prints the gateway of its embedded silo, so its experiment can be watched as well.
        """;

    public const string Resume = """
        usage: ala resume <experimentId> [--state DIR] [--out DIR] [--force] [--progress auto|bars|lines] [--telemetry none|console|otlp]

          --state DIR   the state folder the run used (default: ./state)
          --out DIR     write the results here instead of the run's original --out (this resume only)
          --force       overwrite a results.json already in the results folder

        Continues an embedded `ala run` that was killed (or lost its machine): an embedded silo on the same state
        folder restores the experiment, the policy (weights, optimizer, replay memory, rounds) and every child,
        which resumes from its last checkpoint. Windows already counted are not counted again. The results go to
        the run's original --out, or to --out. An experiment that already ended only has its results written
        again (e.g. when its --out could not be written). One process at a time owns a state folder.
        """;

    public const string Report = """
        usage: ala report <runDir>

        Redraws validation.png, rewards.png, actions.png and phi.png in <runDir> from the history.json that
        `ala run` wrote there (next to results.json). A missing folder or file, or a file that is not a run
        history, is bad input (exit 2).
        """;

    public const string Policy = """
        usage:
          ala policy list [--state DIR]                       the stored policies: versions, latest, task, model, classes
          ala policy show ID[@VERSION]|FILE.json [--state DIR] header, shape, hash, provenance, π on a neutral state
          ala policy export ID[@VERSION] FILE [--state DIR]   copy a snapshot (default: the latest) to FILE
          ala policy import FILE [--as ID] [--state DIR]      validate FILE and store it (under ID with --as)

        Snapshots live in DIR/policies/<policyId>/<version>.json (DIR default: ./state); `ala run` saves them for a
        learning policy every --snapshot-every updates and at the end, and `ala run --policy ID@VERSION` starts from
        one. Format: docs/policy-snapshots.md. A file that fails validation (dimensions, finite values, size, sha256)
        is bad input: one line naming the file and the problem, exit 2, nothing written.
        """;

    /// <summary>The help text of <paramref name="command"/> (a policy subcommand shows the policy help).</summary>
    public static string For(Command command) => command.Name switch
    {
        "run" => Run(),
        "resume" => Resume,
        "status" => Status,
        "report" => Report,
        "policy" or "list" or "show" or "export" or "import" => Policy,
        _ => General,
    };

    /// <summary><c>ala run --help</c>: usage and one line per flag with its default.</summary>
    public static string Run()
    {
        var text = new StringBuilder("usage: ala run [options]\n\n");
        var width = RunOptionTable.All.Max(s => Signature(s).Length) + 2;
        foreach (var spec in RunOptionTable.All)
        {
            var @default = spec.Default.Length == 0 ? string.Empty : $" (default: {spec.Default})";
            text.Append("  ").Append(Signature(spec).PadRight(width)).Append(spec.Help).Append(@default).Append('\n');
        }

        return text.Append("\n--preset paper is applied first; explicit flags override it.\n").ToString();
    }

    /// <summary>The option table of docs/cli.md (a test keeps docs/cli.md equal to it).</summary>
    public static string MarkdownTable()
    {
        var text = new StringBuilder("| option | default | meaning |\n| --- | --- | --- |\n");
        foreach (var spec in RunOptionTable.All)
        {
            var @default = spec.Default.Length == 0 ? string.Empty : $"`{spec.Default}`";
            text.Append($"| `{Cell(Signature(spec))}` | {Cell(@default)} | {Cell(spec.Help)} |\n");
        }

        return text.ToString();
    }

    // GitHub tables split cells on '|', even inside code spans, unless it is escaped.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Signature(OptionSpec spec) => spec.IsSwitch ? spec.Name : $"{spec.Name} {spec.ValueName}";
}
