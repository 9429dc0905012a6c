using System.Globalization;
using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Cli.Output;

/// <summary>The text of <c>ala policy list</c> and <c>ala policy show</c>.</summary>
internal static class PolicyPrinter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One row per stored policy; a policy whose latest file is unreadable shows the reason instead.</summary>
    public static void List(TextWriter output, PolicyStore store)
    {
        var policies = store.List();
        if (policies.Count == 0)
        {
            output.WriteLine($"no policy snapshots in {store.PoliciesDirectory}");
            return;
        }

        var width = Math.Max(6, policies.Max(p => p.PolicyId.Length)) + 2;
        output.WriteLine($"{"policy".PadRight(width)}{"versions",-10}{"latest",-10}{"task",-15}{"model",-10}{"classes",-9}created");
        foreach (var p in policies)
        {
            var head = $"{p.PolicyId.PadRight(width)}{p.Versions.Count.ToString(Invariant),-10}{p.Versions[^1].ToString(Invariant),-10}";
            output.WriteLine(p.Latest is { } s
                ? $"{head}{s.Source.Task,-15}{s.Source.Model,-10}{s.Source.Classes.ToString(Invariant),-9}{s.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant)}"
                : $"{head}unreadable: {p.Error}");
        }
    }

    /// <summary>The header, shape, hash, provenance and the action probabilities on a neutral (all-zero) state.</summary>
    public static void Show(TextWriter output, PolicyStore store, PolicySnapshot s, string? file)
    {
        var source = s.Source;
        var network = s.ToNetwork();
        var p = network.Probabilities(new float[s.Inputs]);
        output.WriteLine($"policy {s.Reference}");
        output.WriteLine($"  file        {file ?? store.PathOf(s.PolicyId, s.Version)}");
        output.WriteLine($"  created     {s.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Invariant)} UTC");
        output.WriteLine($"  network     {s.Inputs} → {s.Hidden} → {s.Hidden} → 3, {s.Parameters.Length.ToString(Invariant)} parameters");
        output.WriteLine($"  sha256      {PolicySnapshotCodec.Hash(s.Inputs, s.Hidden, s.Parameters)}");
        output.WriteLine($"  source      {source.Task}, {source.Model}, {source.Classes} classes, {source.Rounds} rounds, {source.Transitions} transitions");
        foreach (var e in source.Experiments ?? [])
        {
            output.WriteLine($"  fed by      {e.Experiment}: {e.Task}, {e.Model}, {e.Classes} classes, {e.Transitions} transitions");
        }

        output.WriteLine($"  started     {source.FromPolicy ?? "random initialisation"}");
        output.WriteLine($"  π(· | 0)    −β {Format.Fixed(p[0], 3)}, keep {Format.Fixed(p[1], 3)}, +β {Format.Fixed(p[2], 3)} (action probabilities on a neutral state)");
        if (file is null)
        {
            output.WriteLine($"  versions    {string.Join(", ", store.Versions(s.PolicyId))}");
        }
    }
}
