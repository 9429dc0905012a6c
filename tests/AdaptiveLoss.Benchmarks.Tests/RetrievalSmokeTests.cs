using AdaptiveLoss.Benchmarks.Analysis;
using AdaptiveLoss.Benchmarks.Suites;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary><c>./bench.sh retrieval --smoke</c> end to end on tiny data: three arms of two paired children, retrieval.json and its section.</summary>
[Collection(TorchSuitesCollection.Name)]
public sealed class RetrievalSmokeTests
{
    [Fact]
    public async Task RetrievalSmoke_ThreeArms_PairedChildrenBinsAndTheSection()
    {
        using var run = await SuiteSmokeRun.StartAsync(new RetrievalSuite(), RetrievalReport.FileName, "--smoke");

        Assert.True(run.ExitCode == 0, run.Log);
        var arms = run.Root.GetProperty("arms").EnumerateArray().ToArray();
        Assert.Equal(["margin", "ala", "frozen"], arms.Select(a => a.GetProperty("arm").GetString()));
        Assert.All(arms, a => Assert.Equal([1, 2], a.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("seed").GetInt32())));
        Assert.All(arms[0].GetProperty("meanPositiveWeights").EnumerateArray(), w => Assert.Equal(1.0, w.GetDouble()));
        Assert.Equal(4, arms[1].GetProperty("meanNegativeWeights").GetArrayLength());
        Assert.Equal(6, run.Root.GetProperty("comparisons").GetArrayLength());
        Assert.Contains("## Metric learning (retrieval)", run.Markdown);
        Assert.Contains("What the policy did to the bins", run.Markdown);
    }
}
