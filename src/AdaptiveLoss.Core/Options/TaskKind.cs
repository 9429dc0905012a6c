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
    /// <summary>
    /// Metric learning (docs/retrieval.md): an L2-normalised embedding trained on the first classes of any labelled image
    /// set of the three formats above (found from the files in <c>--data</c>; default the Fashion-MNIST package) and
    /// evaluated by retrieval on the unseen classes.
    /// </summary>
    Retrieval,
}
