namespace AdaptiveLoss.Core.Data;

/// <summary>
/// The exponential long-tailed profile of Cao et al. 2019 (LDAM, §4): the class of rank r keeps
/// n_max·R^(−r/(C−1)) images, so the head keeps n_max and the tail n_max/R (imbalance ratio R = n_max/n_min).
/// </summary>
public static partial class LongTail
{
    // Relative slack before flooring: R^(−r/(C−1)) in double can land a hair below an exact integer
    // (6000·10^(−1) = 599.999…), which must still floor to 600.
    private const double FloorTolerance = 1e-9;

    /// <summary>
    /// Images kept per class: <paramref name="available"/>[c] is how many class c has on offer, <paramref name="order"/>[r]
    /// the class of rank r (rank 0 = head). With n_max = the smallest availability, class order[r] keeps
    /// ⌊n_max·ratio^(−r/(C−1))⌋ (n_max when C = 1), at least 1. Indexed by class. Throws ArgumentException for
    /// ratio &lt; 1 or non-finite, a class with no images, lengths that differ, or order not a permutation of 0..C−1.
    /// </summary>
    public static int[] Counts(IReadOnlyList<int> available, double ratio, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(order);
        if (!(ratio >= 1) || double.IsInfinity(ratio))
        {
            throw new ArgumentException($"imbalance ratio {ratio} must be finite and at least 1", nameof(ratio));
        }

        var classes = available.Count;
        if (classes == 0 || order.Count != classes)
        {
            throw new ArgumentException(
                $"order has {order.Count} classes and available {classes}; both need the same, non-zero count", nameof(order));
        }

        var problem = PermutationProblem(order, classes);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(order));
        }

        var nMax = int.MaxValue;
        for (var c = 0; c < classes; c++)
        {
            if (available[c] < 1)
            {
                throw new ArgumentException($"class {c} has {available[c]} images on offer, needs at least 1", nameof(available));
            }

            nMax = Math.Min(nMax, available[c]);
        }

        var counts = new int[classes];
        for (var r = 0; r < classes; r++)
        {
            var exact = classes == 1 ? nMax : nMax * Math.Pow(ratio, -(double)r / (classes - 1));
            counts[order[r]] = Math.Max(1, (int)Math.Floor(exact * (1 + FloorTolerance)));
        }

        return counts;
    }

    /// <summary>
    /// Indices, ascending (file order), of the images kept: for each class c in order 0..C−1, a uniformly random subset
    /// of <paramref name="counts"/>[c] of its indices by a partial Fisher–Yates shuffle on one <c>new Random(seed)</c>.
    /// Deterministic for a seed. Throws ArgumentException for a label outside [0, C), a negative count, or a class
    /// with fewer images than its count.
    /// </summary>
    public static int[] Select(ReadOnlySpan<int> labels, IReadOnlyList<int> counts, int seed)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var byClass = IndicesByClass(labels, counts.Count);
        var random = new Random(seed);
        var kept = new List<int>();
        for (var c = 0; c < counts.Count; c++)
        {
            var pool = byClass[c];
            var take = counts[c];
            if (take < 0 || take > pool.Count)
            {
                throw new ArgumentException($"class {c} has {pool.Count} images, cannot keep {take}", nameof(counts));
            }

            // Partial Fisher–Yates: the first `take` slots become a uniform random subset.
            for (var i = 0; i < take; i++)
            {
                var j = random.Next(i, pool.Count);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }

            kept.AddRange(pool.GetRange(0, take));
        }

        kept.Sort();
        return [.. kept];
    }

    private static List<int>[] IndicesByClass(ReadOnlySpan<int> labels, int classes)
    {
        var byClass = new List<int>[classes];
        for (var c = 0; c < classes; c++)
        {
            byClass[c] = [];
        }

        for (var k = 0; k < labels.Length; k++)
        {
            if ((uint)labels[k] >= (uint)classes)
            {
                throw new ArgumentException($"label {labels[k]} of image {k} is outside [0, {classes})", nameof(labels));
            }

            byClass[labels[k]].Add(k);
        }

        return byClass;
    }
}
