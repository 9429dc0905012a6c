using System.Diagnostics;
using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Data;
using AdaptiveLoss.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Benchmarks.Peer;

/// <summary>
/// The TorchSharp side of the peer benchmark: a bare C# loop over the project's SmallCnn with Adam and cross-entropy,
/// the same per-step work as Peer/pytorch_cnn.py (index_select of a permuted batch, forward, loss, backward, step,
/// loss.item()), on the children's data (<see cref="DataCatalog"/>: /255, standardised with the training split's
/// statistics). One dispose scope per step, as the child trainer does.
/// </summary>
internal static class TorchSharpCnnLoop
{
    /// <summary>Trains <see cref="PeerOptions.WarmupBatches"/> untimed then <see cref="PeerOptions.Batches"/> timed batches.</summary>
    public static PeerRun Run(PeerOptions peer, int threads, int repeat)
    {
        var data = DataCatalog.Load(Experiment(peer).ChildSettings());
        torch.set_num_threads(threads);
        torch.random.manual_seed(peer.Seed);
        using var model = ModelFactory.Create(ModelKind.Cnn, data.InputShape, data.Classes);
        model.train();
        using var optimizer = torch.optim.Adam(model.parameters(), lr: peer.LearningRate);
        using var generator = new Generator(unchecked((ulong)peer.Seed));
        var count = data.TrainCount;
        Tensor? order = null;
        long position = count;
        try
        {
            (double Loss, long Images) Step()
            {
                using var scope = torch.NewDisposeScope();
                if (position >= count)
                {
                    order?.Dispose();
                    order = torch.randperm(count, generator: generator).DetachFromDisposeScope();
                    position = 0;
                }

                var index = order!.narrow(0, position, Math.Min(peer.BatchSize, count - position));
                position += index.shape[0];
                var images = data.TrainImages.index_select(0, index);
                var labels = data.TrainLabels.index_select(0, index);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(images), labels);
                loss.backward();
                optimizer.step();
                return (loss.item<float>(), index.shape[0]);
            }

            for (var i = 0; i < peer.WarmupBatches; i++)
            {
                Step();
            }

            var (last, total) = (double.NaN, 0L);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < peer.Batches; i++)
            {
                (last, var n) = Step();
                total += n;
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return new PeerRun("torchsharp", torch.get_num_threads(), repeat, peer.Batches, total, seconds, total / seconds, last);
        }
        finally
        {
            order?.Dispose();
        }
    }

    /// <summary>The data the children train on: Fashion-MNIST, the last ValidationSize training images held out.</summary>
    public static ExperimentOptions Experiment(PeerOptions peer) =>
        new() { Task = TaskKind.FashionMnist, DataDirectory = peer.DataDirectory, ValidationSize = peer.ValidationSize };
}
