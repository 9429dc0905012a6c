using AdaptiveLoss.Core.Options;
using AdaptiveLoss.ServiceDefaults;

namespace AdaptiveLoss.Cli.Parsing;

/// <summary>What <c>ala run</c> was asked to do: the experiment's options plus the CLI's own settings.</summary>
internal sealed record RunArguments
{
    /// <summary>Hyperparameters handed to the experiment grain.</summary>
    public ExperimentOptions Options { get; init; } = new();

    /// <summary><c>--out</c>; null = runs/&lt;experimentId&gt;.</summary>
    public string? OutDirectory { get; init; }

    /// <summary><c>--force</c>: overwrite a results.json already in <see cref="OutDirectory"/>.</summary>
    public bool Force { get; init; }

    /// <summary><c>--cluster</c>; null = an embedded silo.</summary>
    public string? Cluster { get; init; }

    /// <summary><c>--tls-cert</c>, <c>--tls-key</c>, <c>--tls-ca</c>, <c>--redis-password-file</c>: a secured cluster's files (docs/deploy.md).</summary>
    public Hosting.ClusterCredentials Credentials { get; init; } = new();

    /// <summary><c>--experiment-id</c>; null = a fresh time-stamped id.</summary>
    public string? ExperimentId { get; init; }

    /// <summary><c>--tensorboard</c>; null = no event files.</summary>
    public string? TensorBoardDirectory { get; init; }

    /// <summary><c>--progress</c>: bars, lines, or auto (bars on a terminal).</summary>
    public Output.ProgressMode Progress { get; init; }

    /// <summary><c>--telemetry</c>; null = OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else none.</summary>
    public TelemetryExporter? Telemetry { get; init; }

    /// <summary><c>--state</c>; null = ./state (policy snapshots are saved and read there).</summary>
    public string? StateDirectory { get; init; }

    /// <summary><c>--policy</c>: "id", "id@version" (from the state folder) or a snapshot file path ending in .json; null = random init.</summary>
    public string? Policy { get; init; }

    /// <summary><c>--help</c> was given.</summary>
    public bool Help { get; init; }

    /// <summary>A copy with the experiment options changed.</summary>
    public RunArguments With(Func<ExperimentOptions, ExperimentOptions> change) => this with { Options = change(Options) };
}
