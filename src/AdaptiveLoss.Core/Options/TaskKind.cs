namespace AdaptiveLoss.Core.Options;

/// <summary>Which data set a child trains on (docs/design.md §2).</summary>
public enum TaskKind
{
    /// <summary>Fashion-MNIST from the Debian package <c>dataset-fashion-mnist</c> (or <c>--data</c>).</summary>
    FashionMnist,
    /// <summary>Any folder holding the four MNIST-format IDX files (<c>--data</c>).</summary>
    Idx,
    /// <summary>The CIFAR-10 binary format (<c>data_batch_1..5.bin</c>, <c>test_batch.bin</c>) from <c>--data</c>.</summary>
    Cifar10,
}
