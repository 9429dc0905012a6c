namespace AdaptiveLoss.Core.Control;

/// <summary>The parameter groups of classification: every class pair (i, j) with i &lt; j, in row-major order.</summary>
public static class ClassPairs
{
    /// <summary>C(C−1)/2.</summary>
    public static int Count(int classes) => classes * (classes - 1) / 2;

    /// <summary>The pairs (0,1), (0,2), …, (0,C−1), (1,2), …, (C−2,C−1).</summary>
    public static IEnumerable<(int I, int J)> Enumerate(int classes)
    {
        for (var i = 0; i < classes; i++)
        {
            for (var j = i + 1; j < classes; j++)
            {
                yield return (i, j);
            }
        }
    }
}
