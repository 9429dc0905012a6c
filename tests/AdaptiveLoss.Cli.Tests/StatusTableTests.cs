using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Cli.Tests.Progress;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>The table of <c>ala status</c> on a hand-made experiment, exactly.</summary>
public sealed class StatusTableTests
{
    private static readonly ExperimentStatus Status = new("exp", ExperimentState.Running,
    [
        Children.Running(0, Children.Window(0, 200), Children.Window(1, 400) with { Epoch = 1 }),
        Children.Completed(1, 0.1125, Children.Window(0, 1000)),
        Children.Failed(2, "InvalidOperationException: boom", Children.Window(0, 200)),
        new ChildStatus("exp/3", ChildState.Queued, [], null, null),
        Children.Running(4, Children.Window(0, 200, discard: "collapse")),
    ], 41.24);

    private static readonly PolicySummary Policy = new("exp", 6, 6, 12, 6, 1, []);

    [Fact]
    public void Print_ErrorMetric_OneRowPerChildAndThePolicy()
    {
        var output = new StringWriter();

        StatusTable.Print(output, Status, Policy, new ExperimentOptions { Epochs = 3 });

        Assert.Equal(
            """
            experiment exp: running, 41.2 s
            child state      epoch   window          iter  val-error   reward    img/s  policy  test-error
            0     training   2/3          2      400/1000     12.34%    +0.52    4,812      v5           -
            1     completed  1/3          1     1000/1000     12.34%    +0.52    4,812      v5      11.25%
            2     FAILED     1/3          1      200/1000     12.34%    +0.52    4,812      v5           -  InvalidOperationException: boom
            3     queued     -            -             -          -        -        -       -           -
            4     training   1/3          1      200/1000     12.34%    +0.52    4,812      v5           -  last window discarded: collapse
            policy exp: version 6, 6 updates, 12 transitions, 6 rounds, 1 discarded

            """.ReplaceLineEndings(Environment.NewLine), output.ToString());
    }

    [Fact]
    public void Print_F1MetricWithoutOptions_AddsTheMetricColumnOrUnknownEpochs()
    {
        var withF1 = new StringWriter();
        var without = new StringWriter();

        StatusTable.Print(withF1, Status, Policy, new ExperimentOptions { Epochs = 3, Metric = MetricKind.F1 });
        StatusTable.Print(without, Status, Policy, null);

        Assert.Contains("val-error     val-f1   reward", withF1.ToString());
        Assert.Contains("    12.34%     20.00%    +0.52", withF1.ToString());
        Assert.Contains("0     training   2/?", without.ToString());
    }

    [Fact]
    public void Print_Retrieval_AddsEveryRetrievalMetricOfACompletedChild()
    {
        var completed = Children.Completed(1, 0.25, Children.Window(0, 1000));
        var retrieval = completed with
        {
            Outcome = completed.Outcome! with
            {
                Test = new AdaptiveLoss.Core.Metrics.MetricSet(0.25, 0.25, 0.75, 0.5, []) { Retrieval = new(0.75, 0.8, 0.9, 0.95, 0.4, 0.5) },
            },
        };
        var output = new StringWriter();

        StatusTable.Print(output, Status with { Children = [retrieval, Status.Children[3]] }, Policy,
            new ExperimentOptions { Epochs = 3, Task = TaskKind.Retrieval, Metric = MetricKind.Recall1 });

        Assert.Contains("test-error  test-R@1  test-R@8  test-NMI  test-AUCPR", output.ToString());
        Assert.Contains("25.00%    75.00%    95.00%    40.00%      50.00%", output.ToString());
    }
}
