namespace AdaptiveLoss.Training.Tests.Losses;

/// <summary>The loss forms of docs/design.md §1.1 in plain C# doubles, one sample at a time: the reference for the tensor code.</summary>
internal static class ClosedForm
{
    public static double[] Softmax(double[] z)
    {
        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        var sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>−log p_y + Σ_{j≠y} [max(Φ[y,j],0)·(−log p_j) + max(−Φ[y,j],0)·(−log(1−p_j))].</summary>
    public static double Pairwise(double[] z, int y, double[,] phi)
    {
        var p = Softmax(z);
        var loss = -Math.Log(p[y]);
        for (var j = 0; j < z.Length; j++)
        {
            if (j != y)
            {
                loss += (Math.Max(phi[y, j], 0) * -Math.Log(p[j])) + (Math.Max(-phi[y, j], 0) * -Math.Log(1 - p[j]));
            }
        }

        return loss;
    }

    /// <summary>−σ(Σ_j Φ[y,j]·log p_j).</summary>
    public static double Sigmoid(double[] z, int y, double[,] phi)
    {
        var p = Softmax(z);
        var s = Enumerable.Range(0, z.Length).Sum(j => phi[y, j] * Math.Log(p[j]));
        return -1 / (1 + Math.Exp(-s));
    }

    /// <summary>The unbounded linear form −Σ_j Φ[y,j]·log p_j that docs/design.md §1.1 rules out (for contrast only).</summary>
    public static double Linear(double[] z, int y, double[,] phi)
    {
        // log p_j = z_j − logsumexp(z), exact where p_j itself underflows to 0.
        var max = z.Max();
        var logSumExp = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
        return -Enumerable.Range(0, z.Length).Sum(j => phi[y, j] * (z[j] - logSumExp));
    }

    /// <summary>Random symmetric Φ with unit diagonal and off-diagonal entries in [−0.5, 0.5].</summary>
    public static double[,] RandomPhi(int classes, Random random)
    {
        var phi = new double[classes, classes];
        for (var i = 0; i < classes; i++)
        {
            phi[i, i] = 1;
            for (var j = i + 1; j < classes; j++)
            {
                phi[i, j] = phi[j, i] = random.NextDouble() - 0.5;
            }
        }

        return phi;
    }
}
