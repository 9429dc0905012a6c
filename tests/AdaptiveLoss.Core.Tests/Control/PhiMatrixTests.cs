using AdaptiveLoss.Core.Control;

namespace AdaptiveLoss.Core.Tests.Control;

public sealed class PhiMatrixTests
{
    [Fact]
    public void Parse_ArrayOfRows_Rows()
    {
        var rows = PhiMatrix.Parse("[[1, 0.1], [0.1, 1]]");

        Assert.Equal([[1, 0.1], [0.1, 1]], rows);
    }

    [Fact]
    public void Parse_ObjectWithPhi_Rows()
    {
        var rows = PhiMatrix.Parse("""{ "phi": [[1, -0.2, 0], [-0.2, 1, 3e-2], [0, 0.03, 1]] }""");

        Assert.Equal([[1, -0.2, 0], [-0.2, 1, 0.03], [0, 0.03, 1]], rows);
    }

    [Theory]
    [InlineData("{\"phi\": 3}", "not a JSON array of rows")]
    [InlineData("{\"matrix\": [[1]]}", "not a JSON array of rows")]
    [InlineData("\"text\"", "not a JSON array of rows")]
    [InlineData("[]", "Φ has no rows")]
    [InlineData("[[1, 0], 5]", "row 1 is not an array of numbers")]
    [InlineData("[[1, 0, 0], [0, 1, 0], [0, 1]]", "row 2 has 2 entries, expected 3")]
    [InlineData("[[1, \"0\"], [0, 1]]", "Φ[0,1] is not a finite number")]
    [InlineData("[[1, 1e400], [0, 1]]", "Φ[0,1] is not a finite number")]
    [InlineData("[[1, 0],\n [0, 1]", "not valid JSON: ")]
    public void Parse_Bad_ThrowsOneLineFormatException(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PhiMatrix.Parse(json));

        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Problem_Valid_Null()
    {
        double[][] rows = [[1, 0.1, -0.2], [0.1, 1, 0], [-0.2, 0, 1]];

        Assert.Null(PhiMatrix.Problem(rows, 3, phiMax: null));
        Assert.Null(PhiMatrix.Problem(rows, 3, phiMax: 0.2));
        Assert.Null(PhiMatrix.Problem([[1, 0.1], [0.1 + 1e-13, 1]], 2, null));
    }

    [Fact]
    public void Problem_WrongShape_NamesSizes()
    {
        var nine = Enumerable.Range(0, 9).Select(_ => new double[10]).ToArray();

        Assert.Equal("Φ is 9×10, the task has 10 classes", PhiMatrix.Problem(nine, 10, null));
        Assert.Equal("Φ is 2×2, the task has 3 classes", PhiMatrix.Problem([[1, 0], [0, 1]], 3, null));
        Assert.Equal("row 1 has 1 entries, expected 2", PhiMatrix.Problem([[1, 0], [0]], 2, null));
    }

    [Fact]
    public void Problem_BadEntries_OneLineMessages()
    {
        Assert.Equal("Φ[0,1] = NaN is not finite", PhiMatrix.Problem([[1, double.NaN], [0, 1]], 2, null));
        Assert.Equal("Φ[0,1] = 11 is outside [−10, 10]", PhiMatrix.Problem([[1, 11], [11, 1]], 2, null));
        Assert.Equal("Φ[1,1] = 0.9, but the diagonal of Φ must be 1", PhiMatrix.Problem([[1, 0], [0, 0.9]], 2, null));
        Assert.Equal(
            "Φ[0,1] = 0.1 but Φ[1,0] = 0.2: Φ must be symmetric", PhiMatrix.Problem([[1, 0.1], [0.2, 1]], 2, null));
        Assert.Equal(
            "Φ[0,1] = 0.5 is outside [−0.2, 0.2] (--phi-max)", PhiMatrix.Problem([[1, 0.5], [0.5, 1]], 2, phiMax: 0.2));
        Assert.Null(PhiMatrix.Problem([[1, 0.5], [0.5, 1]], 2, phiMax: 0.5));
    }

    [Fact]
    public void ToRowMajor_ConcatenatesRows()
    {
        Assert.Equal([1, 0.1, 0.1, 1], PhiMatrix.ToRowMajor([[1, 0.1], [0.1, 1]]));
    }

    [Fact]
    public void LossParameters_FromMatrix_StartsThereAndApplyMovesFromIt()
    {
        var phi = new LossParameters(3, PhiMatrix.ToRowMajor(PhiMatrix.Parse("[[1, 0.1, 0], [0.1, 1, -0.05], [0, -0.05, 1]]")));

        Assert.Equal([1, 0.1, 0, 0.1, 1, -0.05, 0, -0.05, 1], phi.ToArray());

        // Pairs (0,1), (0,2), (1,2): increase, decrease, decrease by 0.05, clipped to ±0.2.
        phi.Apply([ActionSet.Increase, ActionSet.Decrease, ActionSet.Decrease], beta: 0.05, phiMax: 0.2);

        Assert.Equal(0.15, phi[0, 1], 15);
        Assert.Equal(0.15, phi[1, 0], 15);
        Assert.Equal(-0.05, phi[0, 2], 15);
        Assert.Equal(-0.1, phi[1, 2], 15);
        Assert.Equal(1.0, phi[2, 2]);
    }

    [Fact]
    public void LossParameters_FromMatrix_TinyAsymmetryAveragedBadMatricesThrow()
    {
        var phi = new LossParameters(2, [1, 0.1, 0.1 + 2e-13, 1]);

        Assert.Equal(phi[0, 1], phi[1, 0]);
        Assert.Throws<ArgumentException>(() => new LossParameters(2, [1, 0, 0]));
        Assert.Throws<ArgumentException>(() => new LossParameters(2, [1, 0.1, 0.2, 1]));
        Assert.Throws<ArgumentException>(() => new LossParameters(2, [0.9, 0, 0, 1]));
        Assert.Throws<ArgumentException>(() => new LossParameters(2, [1, double.NaN, double.NaN, 1]));
    }
}
