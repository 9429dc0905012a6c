namespace AdaptiveLoss.Core.Data;

/// <summary>
/// Synthetic label noise on the training split, class-conditional as in Patrini et al. 2017: a clean label i becomes j
/// with probability T[i, j]. Pair-flip confuses chosen class pairs (Han et al. 2018), the structured mismatch that
/// Φ's off-diagonal entries can absorb; symmetric noise spreads the flips uniformly.
/// </summary>
/// <param name="Kind">Pair-flip or symmetric.</param>
/// <param name="Eta">Flip probability η in [0, 1).</param>
/// <param name="Pairs">The pairs of pair-flip noise; empty for symmetric, or when the caller is to substitute defaults.</param>
public sealed partial record LabelNoise(LabelNoiseKind Kind, double Eta, IReadOnlyList<FlipPair> Pairs)
{
    /// <summary>Fashion-MNIST's visually confusable pairs: T-shirt/shirt (0-6), pullover/coat (2-4), sandal/sneaker (5-7).</summary>
    public static IReadOnlyList<FlipPair> FashionMnistPairs { get; } = [new(0, 6), new(2, 4), new(5, 7)];

    /// <summary>A copy with <paramref name="pairs"/> as the flip pairs.</summary>
    public LabelNoise WithPairs(IReadOnlyList<FlipPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return this with { Pairs = [.. pairs] };
    }

    /// <summary>
    /// Null when this noise is valid for <paramref name="classes"/> classes, else a one-line message: η outside [0, 1),
    /// a pair class outside [0, C), a class in two pairs or paired with itself, pair-flip with no pairs, symmetric with
    /// pairs or with C &lt; 2.
    /// </summary>
    public string? Problem(int classes)
    {
        if (classes < 1)
        {
            return $"the task has {classes} classes, needs at least 1";
        }

        if (!(Eta >= 0 && Eta < 1))
        {
            return $"noise rate {Eta} is outside [0, 1)";
        }

        var pairs = Pairs ?? [];
        if (Kind == LabelNoiseKind.Symmetric)
        {
            return classes < 2 ? $"symmetric noise needs at least 2 classes, the task has {classes}"
                : pairs.Count > 0 ? "symmetric noise takes no pair list"
                : null;
        }

        if (pairs.Count == 0)
        {
            return "pair-flip noise needs at least one pair";
        }

        return PairsProblem(pairs, classes);
    }

    /// <summary>
    /// The nominal transition matrix T[i, j] = P(noisy label j | clean label i): pair-flip keeps 1−η on a listed class
    /// and sends η to its partner, unlisted classes keep 1; symmetric keeps 1−η and spreads η/(C−1) over the others.
    /// Throws ArgumentException when <see cref="Problem"/> reports one.
    /// </summary>
    public double[,] TransitionMatrix(int classes)
    {
        var partner = Partners(classes);
        var matrix = new double[classes, classes];
        for (var i = 0; i < classes; i++)
        {
            if (Kind == LabelNoiseKind.Symmetric)
            {
                for (var j = 0; j < classes; j++)
                {
                    matrix[i, j] = i == j ? 1 - Eta : Eta / (classes - 1);
                }
            }
            else if (partner[i] >= 0)
            {
                matrix[i, i] = 1 - Eta;
                matrix[i, partner[i]] = Eta;
            }
            else
            {
                matrix[i, i] = 1;
            }
        }

        return matrix;
    }

    /// <summary>
    /// A new array of noisy labels. Each label flips independently with probability η: one NextDouble per label, in
    /// order, from <c>new Random(seed)</c>; pair-flip sends a flipped listed class to its partner (an unlisted one
    /// keeps its label), symmetric to a uniformly drawn other class (a second draw Next(C−1), mapped past the label).
    /// Throws ArgumentException for a label outside [0, C) or when <see cref="Problem"/> reports one.
    /// </summary>
    public int[] Apply(ReadOnlySpan<int> labels, int classes, int seed)
    {
        var partner = Partners(classes);
        var random = new Random(seed);
        var noisy = new int[labels.Length];
        for (var k = 0; k < labels.Length; k++)
        {
            var label = labels[k];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentException($"label {label} of sample {k} is outside [0, {classes})", nameof(labels));
            }

            noisy[k] = label;
            if (random.NextDouble() >= Eta)
            {
                continue;
            }

            if (Kind == LabelNoiseKind.Symmetric)
            {
                var other = random.Next(classes - 1);
                noisy[k] = other >= label ? other + 1 : other;
            }
            else if (partner[label] >= 0)
            {
                noisy[k] = partner[label];
            }
        }

        return noisy;
    }

    // partner[c] = c's pair partner, −1 when c is in no pair; validates first.
    private int[] Partners(int classes)
    {
        if (Problem(classes) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var partner = new int[classes];
        Array.Fill(partner, -1);
        foreach (var pair in Pairs ?? [])
        {
            partner[pair.A] = pair.B;
            partner[pair.B] = pair.A;
        }

        return partner;
    }
}
