using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Training.Tests.Tasks;

/// <summary>
/// A tiny second task for the seam's tests, shaped like metric learning (docs/design.md §1.8): two distance bins
/// (near, far) with a weight each, starting at 1; the state of a bin is its weight, the share of validation samples it
/// last held and the progress; an action moves a weight by ±0.25 within [0, 2].
/// </summary>
internal sealed class DistanceBinTask : ILossTask
{
    public const int Bins = 2;
    private const double Step = 0.25;
    private readonly double[] _weights = [1.0, 1.0];
    private double[] _shares = new double[Bins];
    private readonly List<double[]> _history = [];

    public IReadOnlyList<double> Weights => _weights;

    public int GroupCount => Bins;

    public int FeatureCount => 3;

    public List<int[]> Applied { get; } = [];

    public float[][] BuildStates(double progress) =>
        [.. Enumerable.Range(0, Bins).Select(b => new[] { (float)_weights[b], (float)_shares[b], (float)progress })];

    public void ApplyActions(IReadOnlyList<int> actions)
    {
        Applied.Add([.. actions]);
        for (var b = 0; b < Bins; b++)
        {
            _weights[b] = Math.Clamp(_weights[b] + ActionSet.Delta(actions[b], Step), 0, 2);
        }
    }

    public void Observe(double[] shares)
    {
        _shares = (double[])shares.Clone();
        _history.Add(_shares);
    }

    public PhiStats ParameterStats() => new(_weights.Min(), _weights.Max(), _weights.Sum(w => Math.Abs(w - 1)));

    public bool IsFinite() => _weights.All(double.IsFinite);

    public LossTaskState Save() => new((double[])_weights.Clone(), null, [.. _history.Select(h => (double[])h.Clone())]);

    public void Check(LossTaskState state)
    {
        if (state.Parameters.Length != Bins || state.History.Any(h => h.Length != Bins))
        {
            throw new ArgumentException($"expected {Bins} bin weights and shares");
        }
    }

    public void Load(LossTaskState state)
    {
        Check(state);
        state.Parameters.CopyTo(_weights, 0);
        _history.Clear();
        _history.AddRange(state.History.Select(h => (double[])h.Clone()));
        _shares = _history.Count > 0 ? (double[])_history[^1].Clone() : new double[Bins];
    }
}
