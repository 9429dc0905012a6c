using System.Globalization;
using AdaptiveLoss.Benchmarks.Report;
using AdaptiveLoss.Benchmarks.Runs;

namespace AdaptiveLoss.Benchmarks.NoiseFloor;

/// <summary>The report's view of the noise floor: one row per reward and design, a column pair per β, and the protocol.</summary>
internal static class NoiseFloorDocument
{
    /// <summary>The decision threshold fixed before the runs: below this per-round signal-to-noise ratio a design will not learn in ~60 rounds.</summary>
    public const double Threshold = 0.3;

    public static (string Title, string Description, DocumentTable Table, string[] Notes) Build(NoiseFloorOptions o, MachineInfo machine,
        IReadOnlyList<NoiseFloorDesign> designs)
    {
        var columns = new List<string> { "windows", "reward", "design", "σ (pp)" };
        foreach (var effect in designs[0].Effects)
        {
            var on = o.AllPairs ? $" on {effect.Target}" : string.Empty;
            columns.Add($"δ at β {F(effect.Beta)}{on} (mean ± SD over states, pp)");
            columns.Add($"SNR at β {F(effect.Beta)}{on}");
        }

        var rows = designs.Select(d => (IReadOnlyList<string>)[
            d.Horizon.ToString(CultureInfo.InvariantCulture), d.Reward, d.Design, F(d.Sigma),
            .. d.Effects.SelectMany(e => new[] { $"{F(e.MeanDelta)} ± {F(e.SdDelta)}", Snr(e.SignalToNoise) })]).ToArray();
        var description = $"{(o.Smoke ? "SMOKE RUN (tiny sizes; the numbers mean nothing). " : string.Empty)}Machine: {machine}. "
            + $"{o.States} child states (MLP, seeds 1..{o.States}), Fashion-MNIST with {o.Experiment.LabelNoise!.Format()} label noise on the "
            + $"training split (data seed {o.Experiment.DataSeed}), trained {o.Warm} windows of K = {o.Experiment.Window} with Φ = I, then "
            + $"branched for {(o.Horizon == 1 ? "one window" : $"{o.Horizon} windows, each action held throughout and every reward measured after each window")}: "
            + $"keep Φ twice with the same batches, {o.Repeats} times with other batches, and ±β on pair {o.Pair.I}-{o.Pair.J}"
            + $"{(o.AllPairs ? " and on every pair at once" : string.Empty)} with the same batches as the first keep. Over several windows the "
            + "global reward is the sum of the windows' Eq. 4 diffs (the improvement of M̄ since the fork) and the pair reward the drop of the "
            + "pair's share since the fork.";
        string[] notes =
        [
            $"Decision threshold fixed before the runs: a design whose per-round SNR stays below {F(Threshold)} will not learn in ~60 rounds.",
            "σ = SD of the reward difference of two branches that took identical actions (√2 × the SD of one reward). Siblings share the "
                + "state and the batches, so their σ is the non-determinism of the training (0 when it is bit-reproducible) and their SNR is "
                + "|mean δ| over the SD of δ between states: how reliably one round's comparison points the right way.",
            "Only one pair acts here; under the policy all C(C−1)/2 pairs act at once, so the global reward's noise for one pair is larger in a "
                + "real run than this floor (the other pairs' actions add to it), while the pair reward is unaffected by the others' actions "
                + "only as far as their confusions do not move.",
        ];
        var title = o.Horizon == 1 && !o.AllPairs
            ? "Reward noise floor: σ and the effect δ of one action"
            : $"Reward noise floor over {o.Horizon} windows: σ and the effect δ of an action held";
        return (title, description, new DocumentTable(null, columns, rows, null), notes);
    }

    private static string Snr(double? value) => value is { } snr ? $"**{F(snr)}**" : "∞ (noise 0)";

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
