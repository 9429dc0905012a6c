using AdaptiveLoss.Core.Control;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Children;
using AdaptiveLoss.Training.Models;
using TorchSharp;
using TorchSharp.Modules;

namespace AdaptiveLoss.Training.Tests.Children;

public sealed class TrainingSnapshotTests
{
    [Fact]
    public void Restore_AfterStepsAndPhiMoves_PutsBackWeightsBuffersAdamStateAndPhi()
    {
        torch.random.manual_seed(1);
        using var model = ModelFactory.Create(ModelKind.ResNet8, new long[] { 1, 8, 8 }, 3);
        using var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        var task = new ClassPairTask(3, new ChildSettings { Beta = 0.1, PhiMax = 0.2 });
        Step(model, optimizer);
        using var snapshot = new TrainingSnapshot(model, optimizer, task);
        var weights = StateValues(model);
        var moments = AdamValues(optimizer);

        Step(model, optimizer);
        Step(model, optimizer);
        task.ApplyActions([0, 2, 1]);
        Assert.NotEqual(new LossParameters(3).ToArray(), task.Phi.ToArray());
        Assert.NotEqual(weights, StateValues(model));
        snapshot.Restore();

        // Parameters and BatchNorm running statistics, Adam's moments and step counts, and the task's Φ are all back.
        Assert.Equal(weights, StateValues(model));
        Assert.Equal(moments, AdamValues(optimizer));
        Assert.Equal(new LossParameters(3).ToArray(), task.Phi.ToArray());
    }

    private static void Step(torch.nn.Module<torch.Tensor, torch.Tensor> model, Adam optimizer)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = torch.nn.functional.cross_entropy(model.call(torch.randn(4, 1, 8, 8)), torch.tensor(new long[] { 0, 1, 2, 0 }));
        loss.backward();
        optimizer.step();
    }

    private static float[] StateValues(torch.nn.Module model) =>
        model.state_dict().Values.SelectMany(t => t.to_type(torch.ScalarType.Float32).data<float>().ToArray()).ToArray();

    private static double[] AdamValues(Adam optimizer) =>
        optimizer.state_dict().State.Cast<Adam.State>()
            .SelectMany(s => s.exp_avg.data<float>().ToArray().Concat(s.exp_avg_sq.data<float>().ToArray()).Select(v => (double)v).Append(s.step))
            .ToArray();
}
