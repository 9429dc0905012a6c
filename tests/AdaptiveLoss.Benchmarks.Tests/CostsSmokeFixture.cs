using AdaptiveLoss.Benchmarks.Costs;

namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>One <c>costs --smoke</c> run (tiny data cut, 2 children, scale 1/10/100) for every fact of <see cref="CostsSmokeTests"/>.</summary>
public sealed class CostsSmokeFixture : IAsyncLifetime
{
    internal SuiteSmokeRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await SuiteSmokeRun.StartAsync(CostsSuite.Create(), "costs.json", "--smoke");

    public Task DisposeAsync()
    {
        Run.Dispose();
        return Task.CompletedTask;
    }
}
