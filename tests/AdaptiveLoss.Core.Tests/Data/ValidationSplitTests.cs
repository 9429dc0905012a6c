using AdaptiveLoss.Core.Data;

namespace AdaptiveLoss.Core.Tests.Data;

public sealed class ValidationSplitTests
{
    [Fact]
    public void Balanced_HandMade_EachClassGivesItsLastImagesRemainderToFirstClasses()
    {
        // Class 0 at 0,3,6,9,10; class 1 at 1,4,7; class 2 at 2,5,8. Size 5 over 3 classes: 2, 2, 1.
        int[] labels = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0];

        var (validation, train) = ValidationSplit.Balanced(labels, 3, 5);

        Assert.Equal([4, 7, 8, 9, 10], validation);
        Assert.Equal([0, 1, 2, 3, 5, 6], train);
    }

    [Fact]
    public void Balanced_TenClassesSize1000_HundredPerClassAndPartition()
    {
        var labels = Enumerable.Range(0, 6000).Select(k => (k * 7) % 10).ToArray();

        var (validation, train) = ValidationSplit.Balanced(labels, 10, 1000);

        Assert.Equal(1000, validation.Length);
        Assert.Equal(5000, train.Length);
        for (var c = 0; c < 10; c++)
        {
            Assert.Equal(100, validation.Count(k => labels[k] == c));

            // Every validation image of class c comes after every training image of class c.
            Assert.True(train.Where(k => labels[k] == c).Max() < validation.Where(k => labels[k] == c).Min());
        }

        Assert.Equal(Enumerable.Range(0, 6000), validation.Concat(train).Order());
        Assert.Equal(validation.Order(), validation);
        Assert.Equal(train.Order(), train);
    }

    [Fact]
    public void Balanced_ClassTooSmall_ThrowsOneLineMessage()
    {
        var labels = Enumerable.Repeat(0, 600).Concat(Enumerable.Repeat(3, 120)).Concat([1, 2]).ToArray();

        var error = Assert.Throws<ArgumentException>(() => ValidationSplit.Balanced(labels, 4, 2000));

        Assert.StartsWith("class 1 has 1 images, fewer than the 500 the balanced validation split takes", error.Message);
        Assert.Throws<ArgumentException>(() => ValidationSplit.Balanced([0, 4], 4, 0));
    }

    [Fact]
    public void Balanced_SizeZero_AllTrain()
    {
        var (validation, train) = ValidationSplit.Balanced([1, 0, 1], 2, 0);

        Assert.Empty(validation);
        Assert.Equal([0, 1, 2], train);
    }

    [Fact]
    public void Tail_LastSizeValidateRestTrain()
    {
        var (validation, train) = ValidationSplit.Tail(7, 3);

        Assert.Equal([4, 5, 6], validation);
        Assert.Equal([0, 1, 2, 3], train);
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidationSplit.Tail(3, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValidationSplit.Tail(3, -1));
    }
}
