using AdaptiveLoss.Benchmarks.Costs;
using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>
/// The protocol of <c>./bench.sh noise-floor</c> (docs/noise-floor.md), fixed before the runs: N child states (seeds
/// 1..N) trained W windows under CE-equivalent Φ = I on 40 % pair-flip noise, then branched.
/// </summary>
/// <param name="States">Child states (seeds 1..N).</param>
/// <param name="Warm">Windows trained before the fork.</param>
/// <param name="Repeats">Branches per state that draw other batches (batch noise).</param>
/// <param name="Betas">Action sizes whose effect ±β on <see cref="Pair"/> is measured.</param>
/// <param name="Pair">The class pair acted on (a flipped pair of the noise).</param>
/// <param name="Horizon">Windows every branch runs, its action held: rewards are measured after each of windows 1..H.</param>
/// <param name="AllPairs">Also measure ±β on every pair at once (the direction the static Φ sweep found useful).</param>
/// <param name="Smoke">Tiny sizes: a pipeline check, not evidence.</param>
/// <param name="Experiment">The children's options (task, model, noise, window).</param>
/// <param name="OutPath">noise-floor.json.</param>
internal sealed record NoiseFloorOptions(int States, int Warm, int Repeats, double[] Betas, (int I, int J) Pair, int Horizon, bool AllPairs,
    bool Smoke, ExperimentOptions Experiment, string OutPath)
{
    /// <summary>The JSON file the suite writes for the one-window protocol.</summary>
    public const string FileName = "noise-floor.json";

    /// <summary>The JSON file of a run with a longer horizon or all-pairs actions (its own report section).</summary>
    public const string HorizonFileName = "noise-floor-horizon.json";

    /// <summary>Reads the suite's flags; ArgumentException names a bad one.</summary>
    public static NoiseFloorOptions Parse(IReadOnlyList<string> args)
    {
        var flags = new FlagReader(args);
        var smoke = flags.Switch("smoke");
        var allPairs = flags.Switch("all-pairs");
        var horizon = flags.Int("horizon", 1, minimum: 1);
        var pair = flags.String("pair", "0-6").Split('-');
        if (pair.Length != 2 || !int.TryParse(pair[0], out var i) || !int.TryParse(pair[1], out var j) || i == j || i is < 0 or > 9 || j is < 0 or > 9)
        {
            throw new ArgumentException("--pair must be two different classes 0-9 as a-b (e.g. 0-6)");
        }

        var experiment = new ExperimentOptions
        {
            Model = ModelKind.Mlp,
            Epochs = smoke ? 2 : 10,
            Window = flags.Int("window", smoke ? 4 : 200),
            LabelNoise = LabelNoise.Parse(flags.String("noise", "pairflip:0.4")),
            DataSeed = 1,
            TrainLimit = smoke ? 600 : null,
            ValidationSize = smoke ? 200 : 5000,
            DataDirectory = flags.String("data", AdaptiveLoss.Training.Data.DataCatalog.FashionMnistDirectory),
        };
        var options = new NoiseFloorOptions(
            flags.Int("states", smoke ? 2 : 8, minimum: 2),
            flags.Int("warm", smoke ? 1 : 5),
            flags.Int("repeats", smoke ? 2 : 4, minimum: 2),
            flags.String("betas", "0.02,0.2").Split(',').Select(b => double.TryParse(b, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var beta) ? beta : double.NaN).ToArray(),
            (Math.Min(i, j), Math.Max(i, j)),
            horizon,
            allPairs,
            smoke,
            experiment,
            Path.Combine(flags.String("out", "."), horizon == 1 && !allPairs ? FileName : HorizonFileName));
        flags.ThrowOnUnknown("noise-floor");
        if (options.Betas.Any(b => !(b > 0 && double.IsFinite(b))))
        {
            throw new ArgumentException("--betas must be positive numbers, comma-separated (e.g. 0.02,0.2)");
        }

        return options;
    }
}
