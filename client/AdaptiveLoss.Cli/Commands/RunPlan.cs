using System.Globalization;
using System.Security.Cryptography;
using AdaptiveLoss.Cli.Data;
using AdaptiveLoss.Cli.Hosting;
using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.IO;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.ServiceDefaults;
using AdaptiveLoss.Training.Data;

namespace AdaptiveLoss.Cli.Commands;

/// <summary>
/// A fully checked <c>ala run</c>: every usage error (flags, option rules, data files, cluster) is found here, before
/// any host starts or any file is written (brief: bad input → one line, exit 2, nothing written).
/// </summary>
/// <param name="ExperimentId">Experiment key.</param>
/// <param name="Options">Hyperparameters handed to the experiment grain.</param>
/// <param name="OutDirectory">Absolute folder for results.json (created only at the end).</param>
/// <param name="Target">Embedded silo or localhost cluster.</param>
/// <param name="Telemetry">Where traces and metrics go (<c>--telemetry</c>, or its default from the environment).</param>
/// <param name="TensorBoardDirectory">Absolute <c>--tensorboard</c> folder; null when not asked for.</param>
/// <param name="Progress">How progress is shown.</param>
/// <param name="StateDirectory">Absolute state folder (<c>--state</c>, default ./state) of the embedded silo's policy snapshots; null = none saved.</param>
/// <param name="Force">True with <c>--force</c>: a results.json in <paramref name="OutDirectory"/> may be overwritten.</param>
internal sealed record RunPlan(string ExperimentId, ExperimentOptions Options, string OutDirectory, ClusterTarget Target,
    TelemetryExporter Telemetry = TelemetryExporter.None, string? TensorBoardDirectory = null, ProgressMode Progress = ProgressMode.Auto,
    string? StateDirectory = null, bool Force = false)
{
    /// <summary>The default state folder, relative to the working directory.</summary>
    public const string DefaultStateDirectory = "state";

    /// <summary>Checks <paramref name="arguments"/> completely.</summary>
    /// <exception cref="UsageException">The first problem found.</exception>
    public static RunPlan From(RunArguments arguments)
    {
        var stateDirectory = arguments.StateDirectory ?? Path.GetFullPath(DefaultStateDirectory);
        var options = arguments.Options;
        if (arguments.Policy is { } policy)
        {
            var snapshot = PolicySource.Read(policy, stateDirectory);
            options = options with { InitialPolicy = snapshot, PolicyHidden = snapshot.Hidden };
        }

        if (File.Exists(stateDirectory))
        {
            throw new UsageException($"--state '{stateDirectory}' is a file, not a folder");
        }

        // Core names settings (Beta); the user typed flags (--beta).
        var problem = (options.Validate() is [var first, ..] ? RunOptionTable.Describe(first) : null) ?? DataFolderCheck.Problem(options);
        if (problem is not null)
        {
            throw new UsageException(problem);
        }

        var settings = options.ChildSettings();
        var data = DataPreflight.Inspect(settings);
        if (data.Problem is { } broken)
        {
            throw new UsageException(broken);
        }

        // The windows a run keeps depend on the training split's size, known now that the data passed.
        if (data.WindowBudget(settings, options.Children) is { } budget)
        {
            throw new UsageException(RunOptionTable.Describe(budget));
        }

        var target = ClusterTarget.Parse(arguments.Cluster, arguments.Credentials, Environment.GetEnvironmentVariable);
        var experimentId = arguments.ExperimentId ?? NewExperimentId();
        if (target.Embedded && File.Exists(RunRecordFile.PathOf(stateDirectory, experimentId)))
        {
            // Its stored state would resume the moment the experiment is touched: starting over is a separate decision.
            throw new UsageException($"experiment {experimentId} was interrupted before it ended: continue it with `ala resume {experimentId} --state {stateDirectory}`, or choose another --experiment-id");
        }

        var outDirectory = arguments.OutDirectory ?? Path.GetFullPath(Path.Combine("runs", experimentId));
        CheckOut(outDirectory, arguments.Force);

        if (arguments.TensorBoardDirectory is { } tensorBoard && File.Exists(tensorBoard))
        {
            throw new UsageException($"--tensorboard '{tensorBoard}' is a file, not a folder");
        }

        // Every folder this process writes into, checked now rather than found unwritable when the results are due; a
        // cluster's silos write the events and the state on their own machines, so only an embedded run checks those.
        CheckWritable("--out", outDirectory);
        if (target.Embedded)
        {
            CheckWritable("--tensorboard", arguments.TensorBoardDirectory);
            CheckWritable("--state", stateDirectory);
        }

        // The silo writes the events where the windows end (docs/cli.md, "TensorBoard"): the folder travels in the options.
        options = options with { TensorBoardDirectory = arguments.TensorBoardDirectory };
        var telemetry = arguments.Telemetry ?? TelemetryExporters.Default(Environment.GetEnvironmentVariable);
        return new RunPlan(experimentId, options, outDirectory, target, telemetry, arguments.TensorBoardDirectory, arguments.Progress, stateDirectory,
            arguments.Force);
    }

    /// <summary>
    /// Refuses an <c>--out</c> that is a file, or one that already holds results.json unless <paramref name="force"/>:
    /// a run must not train for minutes and then replace another run's results (docs/cli.md, "Files a run writes").
    /// </summary>
    /// <exception cref="UsageException">The problem, naming --out.</exception>
    public static void CheckOut(string outDirectory, bool force)
    {
        if (File.Exists(outDirectory))
        {
            throw new UsageException($"--out '{outDirectory}' is a file, not a folder");
        }

        if (!force && File.Exists(Path.Combine(outDirectory, ResultsWriter.FileName)))
        {
            throw new UsageException($"--out '{outDirectory}' already holds {ResultsWriter.FileName}: choose another --out, or add --force to overwrite it");
        }
    }

    /// <summary>Refuses a folder this process could not create entries in, naming <paramref name="flag"/>.</summary>
    /// <exception cref="UsageException">The problem.</exception>
    public static void CheckWritable(string flag, string? folder)
    {
        if (folder is not null && WritableFolder.Problem(folder) is { } problem)
        {
            throw new UsageException($"{flag} '{folder}' {problem}");
        }
    }

    /// <summary>yyyyMMdd-HHmmss-xxxx: sortable by start time, unique across parallel runs.</summary>
    public static string NewExperimentId() =>
        DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + RandomNumberGenerator.GetHexString(4, lowercase: true);
}
