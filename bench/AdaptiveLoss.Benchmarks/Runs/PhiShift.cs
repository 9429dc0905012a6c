namespace AdaptiveLoss.Benchmarks.Runs;

/// <summary>
/// A static Φ of the sweep: the identity with every off-diagonal entry moved by <paramref name="OffDiagonal"/> and the
/// entries of the pair-flip pairs moved by <paramref name="FlippedPairs"/> on top. Symmetric with a diagonal of 1, like
/// the Φ ALA starts from and moves.
/// </summary>
/// <param name="OffDiagonal">Added to every off-diagonal entry.</param>
/// <param name="FlippedPairs">Added to (i, j) and (j, i) of every pair in <see cref="Pairs"/>.</param>
internal sealed record PhiShift(double OffDiagonal, double FlippedPairs)
{
    /// <summary>The class pairs pair-flip noise swaps on Fashion-MNIST (T-shirt/shirt, pullover/coat, sandal/sneaker).</summary>
    public static IReadOnlyList<(int A, int B)> Pairs { get; } = [(0, 6), (2, 4), (5, 7)];

    /// <summary>The C×C matrix, as rows.</summary>
    public double[][] Matrix(int classes)
    {
        var phi = Enumerable.Range(0, classes)
            .Select(i => Enumerable.Range(0, classes).Select(j => i == j ? 1.0 : OffDiagonal).ToArray())
            .ToArray();
        foreach (var (a, b) in Pairs.Where(p => p.A < classes && p.B < classes))
        {
            phi[a][b] += FlippedPairs;
            phi[b][a] += FlippedPairs;
        }

        return phi;
    }

    /// <summary>Writes <c>{"phi": [[…]]}</c> to <paramref name="path"/>, the file <c>ala run --loss fixed --phi</c> reads.</summary>
    public void Write(string path, int classes) => BenchJson.Write(path, new PhiFile(Matrix(classes)));
}
