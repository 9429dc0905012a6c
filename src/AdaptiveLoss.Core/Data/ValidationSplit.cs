namespace AdaptiveLoss.Core.Data;

/// <summary>
/// Carves the validation split (the reward's data, docs/design.md §1.5) from the end of the training file. The balanced carve
/// gives every class the same share, so the validation metric of a long-tailed run measures the balanced test
/// distribution (Cao et al. 2019 validate on balanced data).
/// </summary>
public static class ValidationSplit
{
    /// <summary>
    /// Class-balanced split: ⌊size/C⌋ images of every class, plus one more for the first (size mod C) classes, each
    /// class's LAST images in file order. Both arrays hold indices in ascending file order; Train is everything else.
    /// Throws ArgumentException for a label outside [0, C), a negative size, or a class with fewer images than it
    /// must give to validation.
    /// </summary>
    public static (int[] Validation, int[] Train) Balanced(ReadOnlySpan<int> labels, int classes, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var available = new long[classes];
        for (var k = 0; k < labels.Length; k++)
        {
            if ((uint)labels[k] >= (uint)classes)
            {
                throw new ArgumentException($"label {labels[k]} of image {k} is outside [0, {classes})", nameof(labels));
            }

            available[labels[k]]++;
        }

        var quota = new int[classes];
        for (var c = 0; c < classes; c++)
        {
            quota[c] = Quota(classes, size, c);
        }

        if (BalancedProblem(available, size) is { } problem)
        {
            throw new ArgumentException(problem, nameof(labels));
        }

        // Walk from the end so each class gives its last images.
        var isValidation = new bool[labels.Length];
        for (var k = labels.Length - 1; k >= 0; k--)
        {
            if (quota[labels[k]] > 0)
            {
                quota[labels[k]]--;
                isValidation[k] = true;
            }
        }

        var validation = new int[size];
        var train = new int[labels.Length - size];
        int v = 0, t = 0;
        for (var k = 0; k < labels.Length; k++)
        {
            if (isValidation[k])
            {
                validation[v++] = k;
            }
            else
            {
                train[t++] = k;
            }
        }

        return (validation, train);
    }

    /// <summary>Images of class <paramref name="c"/> the balanced split of <paramref name="size"/> over <paramref name="classes"/> takes.</summary>
    public static int Quota(int classes, int size, int c) => (size / classes) + (c < size % classes ? 1 : 0);

    /// <summary>
    /// Why <see cref="Balanced"/> cannot carve <paramref name="size"/> images from a file with <paramref name="available"/>
    /// images per class (the class count is its length), or null when it can: the check alone, from counts, so data
    /// can be checked before it is loaded.
    /// </summary>
    public static string? BalancedProblem(IReadOnlyList<long> available, int size)
    {
        ArgumentNullException.ThrowIfNull(available);
        for (var c = 0; c < available.Count; c++)
        {
            var quota = Quota(available.Count, size, c);
            if (available[c] < quota)
            {
                return $"class {c} has {available[c]} images, fewer than the {quota} the balanced validation split takes";
            }
        }

        return null;
    }

    /// <summary>The historic carve: the last <paramref name="size"/> of <paramref name="count"/> indices validate, the rest train.</summary>
    public static (int[] Validation, int[] Train) Tail(int count, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, count);
        return ([.. Enumerable.Range(count - size, size)], [.. Enumerable.Range(0, count - size)]);
    }
}
