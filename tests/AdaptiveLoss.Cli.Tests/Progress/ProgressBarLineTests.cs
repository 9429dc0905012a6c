using AdaptiveLoss.Cli.Output;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Grains;

namespace AdaptiveLoss.Cli.Tests.Progress;

/// <summary>One child's bar line, exactly: fields, states, clamping and fitting into the terminal width.</summary>
public sealed class ProgressBarLineTests
{
    private const string Bar9 = "█████████░░░░░░░░░░░░░░░░░░░░░"; // 30 cells, 30 % done

    private static readonly TimeSpan Eta = TimeSpan.FromSeconds(83);

    [Fact]
    public void Render_Training_EveryFieldAtItsWidth()
    {
        var line = ProgressBarLine.Render(Children.Running(0, Children.Window(2, 300)), 3, MetricKind.Error, Eta, 200);

        Assert.Equal($"child 0   training   [{Bar9}]  30%  epoch 1/3   window 3   val-error 12.34%  reward +0.52   4,812 img/s  ETA 1:23", line);
    }

    [Fact]
    public void Render_F1Metric_ShowsTheWindowMetricNextToTheError()
    {
        var line = ProgressBarLine.Render(Children.Running(0, Children.Window(2, 300)), 3, MetricKind.F1, Eta, 200);

        Assert.Contains("val-error 12.34%  val-f1 20.00%     reward +0.52", line);
    }

    [Fact]
    public void Render_NoWindowYet_DashesAndUnknownEta()
    {
        var line = ProgressBarLine.Render(Children.Running(12), 3, MetricKind.Error, null, 200);

        Assert.Equal($"child 12  starting   [{new string('░', 30)}]   0%  epoch -/3   window -   val-error -       reward -           - img/s  ETA --:--", line);
    }

    [Fact]
    public void Render_Completed_FullBarAndTestError()
    {
        // The last window stopped short of the total (e.g. a rolled-back end): completed still fills the bar.
        var line = ProgressBarLine.Render(Children.Completed(1, 0.1125, Children.Window(6, 900)), 3, MetricKind.Error, null, 200);

        Assert.Equal($"child 1   completed  [{new string('█', 30)}] 100%  epoch 1/3   window 7   val-error 12.34%  reward +0.52   4,812 img/s  test-error 11.25%", line);
    }

    [Fact]
    public void Render_Failed_StateInCapitalsAndTheError()
    {
        var line = ProgressBarLine.Render(Children.Failed(2, "InvalidOperationException: boom", Children.Window(0, 100)), 3, MetricKind.Error, null, 200);

        Assert.StartsWith("child 2   FAILED     [███░░░", line);
        Assert.EndsWith("4,812 img/s  error: InvalidOperationException: boom", line);
    }

    [Fact]
    public void Render_DiscardedLastWindow_SaysWhyBeforeTheEta()
    {
        var line = ProgressBarLine.Render(Children.Running(0, Children.Window(2, 300, discard: "collapse")), 3, MetricKind.Error, Eta, 200);

        Assert.EndsWith("4,812 img/s  discarded: collapse  ETA 1:23", line);
    }

    [Theory]
    [InlineData(1500, 1000, 30, 100, "testing")] // past the total: clamped, and the child is measuring its test error
    [InlineData(-5, 1000, 0, 0, "training")]
    [InlineData(290, 1000, 8, 29, "training")] // 29 %, not 28 % (0.29 × 100 is 28.999… in floating point)
    [InlineData(10, 0, 0, 0, "training")] // no total known
    public void Render_Iterations_BarAndPercentClamped(long iteration, long total, int cells, int percent, string state)
    {
        var line = ProgressBarLine.Render(Children.Running(0, Children.Window(0, iteration, total)), 1, MetricKind.Error, null, 200);

        Assert.StartsWith($"child 0   {state,-9}  [{new string('█', cells)}{new string('░', 30 - cells)}] {percent,3}%  ", line);
    }

    [Theory]
    [InlineData(130, "child 0   training   [██████░░░░░░░░░░░░░░░░░]  30%  epoch 1/3   window 3   val-error 12.34%  reward +0.52   4,812 img/s  ETA 1:23")]
    [InlineData(100, "child 0   training   [███░░░░░░░]  30%  epoch 1/3   val-error 12.34%  reward +0.52   ETA 1:23")]
    [InlineData(79, "child 0   training   [███░░░░░░░]  30%  epoch 1/3   val-error 12.34%  ETA 1:23")]
    [InlineData(30, "child 0   training   [███░░░░…")]
    public void Render_Narrower_BarShrinksToTenThenSpeedWindowRewardGoThenACut(int width, string expected)
    {
        // At 30 cells the line is 137 characters; every field but the bar has a fixed width.
        var line = ProgressBarLine.Render(Children.Running(0, Children.Window(2, 300)), 3, MetricKind.Error, Eta, width);

        Assert.Equal(expected, line);
        Assert.True(line.Length <= width);
    }

    [Fact]
    public void Render_AnyWidth_NeverLongerThanTheWidth()
    {
        ChildStatus[] children =
        [
            Children.Running(0), Children.Running(3, Children.Window(2, 300, discard: "max logit 1e6")),
            Children.Completed(10, 0.5, Children.Window(9, 1000)), Children.Failed(7, new string('x', 300), Children.Window(0, 1)),
        ];
        foreach (var child in children)
        {
            foreach (var metric in new[] { MetricKind.Error, MetricKind.Aucpr })
            {
                for (var width = 1; width <= 220; width++)
                {
                    var line = ProgressBarLine.Render(child, 30, metric, TimeSpan.FromHours(30), width);
                    Assert.True(line.Length <= Math.Max(width, 1), $"{child.ChildId} width {width}: {line.Length} characters");
                }
            }
        }
    }

    [Theory]
    [InlineData(ChildState.Idle, "waiting")]
    [InlineData(ChildState.Queued, "queued")]
    [InlineData(ChildState.Cancelled, "cancelled")]
    public void StateName_OtherStates(ChildState state, string expected)
    {
        Assert.Equal(expected, ProgressBarLine.StateName(new ChildStatus("exp/0", state, [], null, null)));
    }
}
