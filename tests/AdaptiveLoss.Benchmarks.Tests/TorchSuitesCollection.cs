namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>
/// The smoke runs that train with TorchSharp inside the test process (costs, peer): torch's thread count is
/// process-wide, so they run one after the other, never beside each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchSuitesCollection
{
    public const string Name = "torch suites in this process";
}
