using AdaptiveLoss.Training.Children;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests.Children;

public sealed class BatchStreamTests
{
    /// <summary>10 items in batches of 3 (4 per epoch, the last of 1): skipping 6 lands mid-epoch 2 exactly.</summary>
    [Fact]
    public void Skip_AcrossAnEpochBoundary_SameBatchesAsDrawingThem()
    {
        var drawn = Batches(skip: 0, take: 9);
        var resumed = Batches(skip: 6, take: 3);

        Assert.Equal(drawn.Skip(6), resumed);
    }

    private static List<long[]> Batches(int skip, int take)
    {
        using var generator = new torch.Generator(42);
        using var stream = new BatchStream(generator, 10, 3);
        stream.Skip(skip);
        var result = new List<long[]>();
        for (var i = 0; i < take; i++)
        {
            using var scope = torch.NewDisposeScope();
            result.Add(stream.Next().data<long>().ToArray());
        }

        Assert.Equal(skip + take, stream.Drawn);
        return result;
    }
}
