using System.Reflection;
using AdaptiveLoss.Cli.Parsing;
using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>Every <see cref="ExperimentOptions"/> property has a flag that sets it (brief: every property gets a flag).</summary>
public sealed class OptionCoverageTests
{
    // One non-default example per property: (flag, value, property, expected value).
    private static readonly (string Flag, string Value, string Property, object? Expected)[] Cases =
    [
        ("--task", "idx", nameof(ExperimentOptions.Task), TaskKind.Idx),
        ("--data", "/tmp/data", nameof(ExperimentOptions.DataDirectory), "/tmp/data"),
        ("--model", "mlp", nameof(ExperimentOptions.Model), ModelKind.Mlp),
        ("--children", "7", nameof(ExperimentOptions.Children), 7),
        ("--epochs", "9", nameof(ExperimentOptions.Epochs), 9),
        ("--loss", "ce", nameof(ExperimentOptions.Loss), LossMode.Ce),
        ("--loss-form", "sigmoid", nameof(ExperimentOptions.LossForm), LossForm.Sigmoid),
        ("--metric", "aucpr", nameof(ExperimentOptions.Metric), MetricKind.Aucpr),
        ("--window", "50", nameof(ExperimentOptions.Window), 50),
        ("--beta", "0.07", nameof(ExperimentOptions.Beta), 0.07),
        ("--phi-max", "0.5", nameof(ExperimentOptions.PhiMax), 0.5),
        ("--phi-groups", "all", nameof(ExperimentOptions.PhiGroups), PhiGroupKind.All),
        ("--credit", "pair", nameof(ExperimentOptions.Credit), CreditKind.Pair),
        ("--siblings", "4", nameof(ExperimentOptions.Siblings), 4),
        ("--antithetic", "", nameof(ExperimentOptions.Antithetic), true),
        ("--reward", "sign", nameof(ExperimentOptions.Reward), RewardKind.Sign),
        ("--baseline", "ema", nameof(ExperimentOptions.Baseline), BaselineKind.Ema),
        ("--freeze-policy", "", nameof(ExperimentOptions.FreezePolicy), true),
        ("--seed", "42", nameof(ExperimentOptions.Seed), 42),
        ("--train-limit", "2000", nameof(ExperimentOptions.TrainLimit), 2000),
        ("--batch-size", "64", nameof(ExperimentOptions.BatchSize), 64),
        ("--lr", "0.01", nameof(ExperimentOptions.LearningRate), 0.01),
        ("--validation-size", "500", nameof(ExperimentOptions.ValidationSize), 500),
        ("--history", "5", nameof(ExperimentOptions.HistoryLength), 5),
        ("--evals-per-window", "2", nameof(ExperimentOptions.EvaluationsPerWindow), 2),
        ("--gamma", "0.5", nameof(ExperimentOptions.Gamma), 0.5),
        ("--policy-hidden", "16", nameof(ExperimentOptions.PolicyHidden), 16),
        ("--policy-lr", "0.002", nameof(ExperimentOptions.PolicyLearningRate), 0.002),
        ("--replay-capacity", "10", nameof(ExperimentOptions.ReplayCapacity), 10),
        ("--replay-sample", "3", nameof(ExperimentOptions.ReplaySample), 3),
        ("--ema-decay", "0.5", nameof(ExperimentOptions.EmaDecay), 0.5),
        ("--round-timeout", "5", nameof(ExperimentOptions.RoundTimeoutSeconds), 5.0),
        ("--warmup-epochs", "1", nameof(ExperimentOptions.WarmupEpochs), 1),
        ("--collapse-factor", "3", nameof(ExperimentOptions.CollapseFactor), 3.0),
        ("--max-logit", "500", nameof(ExperimentOptions.MaxLogit), 500.0),
        ("--device", "cuda", nameof(ExperimentOptions.Device), "cuda"),
        ("--share-policy", "shared", nameof(ExperimentOptions.PolicyId), "shared"),
        ("--classes", "3", nameof(ExperimentOptions.Classes), 3),
        ("--snapshot-every", "4", nameof(ExperimentOptions.SnapshotEvery), 4),
        ("--data-seed", "7", nameof(ExperimentOptions.DataSeed), 7),
        ("--validation-split", "balanced", nameof(ExperimentOptions.ValidationSplit), ValidationSplitKind.Balanced),
        ("--imbalance", "10", nameof(ExperimentOptions.Imbalance), 10.0),
        ("--imbalance-order", "reverse", nameof(ExperimentOptions.ImbalanceOrder), "reverse"),
        ("--label-noise", "pairflip:0.3:1-2", nameof(ExperimentOptions.LabelNoise), new LabelNoise(LabelNoiseKind.PairFlip, 0.3, [new FlipPair(1, 2)])),
        ("--smoothing", "0.2", nameof(ExperimentOptions.Smoothing), 0.2),
        ("--focal-gamma", "1", nameof(ExperimentOptions.FocalGamma), 1.0),
        ("--cb-beta", "0.99", nameof(ExperimentOptions.ClassBalanceBeta), 0.99),
        ("--tau", "0.5", nameof(ExperimentOptions.Tau), 0.5),
        ("--class-offsets", "", nameof(ExperimentOptions.ClassOffsets), true),
        ("--offset-beta", "0.05", nameof(ExperimentOptions.OffsetBeta), 0.05),
        ("--offset-max", "2", nameof(ExperimentOptions.OffsetMax), 2.0),
        ("--train-classes", "3", nameof(ExperimentOptions.TrainClasses), 3),
        ("--embedding-dim", "32", nameof(ExperimentOptions.EmbeddingDim), 32),
        ("--bins", "5", nameof(ExperimentOptions.Bins), 5),
    ];

    [Fact]
    public void TaskRetrieval_DefaultsTheMetricToRecallAtOneUnlessGiven()
    {
        Assert.Equal(MetricKind.Recall1, RunArgumentParser.Parse(["--task", "retrieval"]).Options.Metric);
        Assert.Equal(MetricKind.Nmi, RunArgumentParser.Parse(["--metric", "nmi", "--task", "retrieval"]).Options.Metric);
        Assert.Equal(MetricKind.Error, RunArgumentParser.Parse(["--task", "idx"]).Options.Metric);
    }

    [Fact]
    public void EveryOptionsProperty_HasACase()
    {
        var properties = typeof(ExperimentOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite).Select(p => p.Name)
            // --policy sets InitialPolicy in RunPlan (it reads and validates a snapshot file): RunPlanTests covers it.
            .Where(p => p != nameof(ExperimentOptions.InitialPolicy))
            // --phi reads a file into Phi (jagged arrays have no value equality): MismatchCliTests and PhiFileTests cover it.
            .Where(p => p != nameof(ExperimentOptions.Phi))
            // --tensorboard is checked in RunPlan, which hands the folder to the silo in TensorBoardDirectory: RunPlanTests covers it.
            .Where(p => p != nameof(ExperimentOptions.TensorBoardDirectory)).Order();

        Assert.Equal(properties, Cases.Select(c => c.Property).Order());
    }

    [Fact]
    public void EveryFlag_SetsItsProperty()
    {
        foreach (var (flag, value, property, expected) in Cases)
        {
            var args = value.Length == 0 ? new[] { flag } : [flag, value];
            var options = RunArgumentParser.Parse(args).Options;
            var actual = typeof(ExperimentOptions).GetProperty(property)!.GetValue(options);

            Assert.True(Equals(expected, actual), $"{flag} {value}: {property} = {actual}, expected {expected}");
            Assert.NotEqual(actual, typeof(ExperimentOptions).GetProperty(property)!.GetValue(new ExperimentOptions()));
        }
    }

    [Fact]
    public void EveryFlag_IsListedOnceInTheTable()
    {
        var names = RunOptionTable.All.Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(Cases, c => Assert.Contains(c.Flag, names));
        Assert.All(new[] { "--preset", "--out", "--cluster", "--experiment-id" }, f => Assert.Contains(f, names));
    }
}
