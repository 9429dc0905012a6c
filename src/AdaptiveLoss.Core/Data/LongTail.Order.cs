using System.Globalization;

namespace AdaptiveLoss.Core.Data;

/// <summary>The class order of the long-tailed profile: which class is the head, which the tail.</summary>
public static partial class LongTail
{
    /// <summary>
    /// Class order (rank 0 = head) from text: "natural" (class r has rank r), "reverse" (class C−1 is the head),
    /// "random" (a Fisher–Yates permutation from <c>new Random(seed)</c>), or a comma list such as "3,1,0,2", head first,
    /// that must be a permutation of 0..C−1. Throws FormatException with a one-line message.
    /// </summary>
    public static int[] ParseOrder(string text, int classes, int seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var order = new int[classes];
        for (var r = 0; r < classes; r++)
        {
            order[r] = r;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "natural":
                return order;
            case "reverse":
                Array.Reverse(order);
                return order;
            case "random":
                var random = new Random(seed);
                for (var i = classes - 1; i > 0; i--)
                {
                    var j = random.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }

                return order;
        }

        var parts = text.Split(',');
        if (parts.Length == 1 && !int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"unknown order '{text.Trim()}' (natural, reverse, random or a comma list of classes, head first)");
        }

        if (parts.Length != classes)
        {
            throw new FormatException($"'{text}' lists {parts.Length} classes, the task has {classes} (or use natural, reverse, random)");
        }

        for (var r = 0; r < classes; r++)
        {
            if (!int.TryParse(parts[r].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out order[r]))
            {
                throw new FormatException($"'{parts[r].Trim()}' is not a class index (natural, reverse, random or a comma list)");
            }
        }

        return PermutationProblem(order, classes) is { } problem ? throw new FormatException(problem) : order;
    }

    private static string? PermutationProblem(IReadOnlyList<int> order, int classes)
    {
        var seen = new bool[classes];
        foreach (var c in order)
        {
            if ((uint)c >= (uint)classes)
            {
                return $"class {c} is outside [0, {classes})";
            }

            if (seen[c])
            {
                return $"class {c} appears twice; the order must list every class once";
            }

            seen[c] = true;
        }

        return null;
    }
}
