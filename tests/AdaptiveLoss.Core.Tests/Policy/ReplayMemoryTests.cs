using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

public sealed class ReplayMemoryTests
{
    [Fact]
    public void Add_BeyondCapacity_EvictsOldestFirst()
    {
        var memory = new ReplayMemory<int>(3);

        for (var i = 1; i <= 5; i++)
        {
            memory.Add(i);
        }

        Assert.Equal(3, memory.Count);
        Assert.Equal(3, memory.Capacity);
        Assert.Equal([3, 4, 5], memory.Items);
        memory.Add(6);
        Assert.Equal([4, 5, 6], memory.Items);
    }

    [Fact]
    public void Add_CapacityZero_KeepsNothing()
    {
        var memory = new ReplayMemory<int>(0);

        memory.Add(1);

        Assert.Equal(0, memory.Count);
        Assert.Empty(memory.Sample(4, new Random(1)));
    }

    [Fact]
    public void Sample_MoreThanHeld_ReturnsAllDistinct()
    {
        var memory = new ReplayMemory<int>(10, [1, 2, 3]);

        var sample = memory.Sample(8, new Random(1));

        Assert.Equal([1, 2, 3], sample.Order());
    }

    [Fact]
    public void Sample_FewerThanHeld_DistinctMembersDeterministicPerSeed()
    {
        var memory = new ReplayMemory<int>(10, Enumerable.Range(0, 10));

        var a = memory.Sample(4, new Random(42));
        var b = memory.Sample(4, new Random(42));

        Assert.Equal(4, a.Count);
        Assert.Equal(4, a.Distinct().Count());
        Assert.All(a, item => Assert.InRange(item, 0, 9));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Sample_ManyDraws_EveryItemRoughlyUniform()
    {
        var memory = new ReplayMemory<int>(5, Enumerable.Range(0, 5));
        var random = new Random(3);
        var counts = new int[5];

        for (var draw = 0; draw < 5000; draw++)
        {
            foreach (var item in memory.Sample(2, random))
            {
                counts[item]++;
            }
        }

        // Each item is in a 2-of-5 sample with probability 0.4: 2,000 expected per item.
        Assert.All(counts, c => Assert.InRange(c, 1800, 2200));
    }

    [Fact]
    public void Sample_AfterWrapAround_OnlyLiveItems()
    {
        var memory = new ReplayMemory<int>(3, [1, 2, 3, 4, 5, 6, 7]);

        Assert.Equal([5, 6, 7], memory.Sample(3, new Random(9)).Order());
    }
}
