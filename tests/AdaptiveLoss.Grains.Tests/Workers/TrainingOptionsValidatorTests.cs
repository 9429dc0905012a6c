using AdaptiveLoss.Grains.Workers;
using Microsoft.Extensions.Options;

namespace AdaptiveLoss.Grains.Tests.Workers;

/// <summary>Start-up checks of the Training section: values that cannot work are refused by key and value; tolerated ones pass.</summary>
public sealed class TrainingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new TrainingOptionsValidator().Validate(null, new TrainingOptions()).Succeeded);

    [Fact]
    public void Validate_ToleratedValues_Succeeds()
    {
        var options = new TrainingOptions
        {
            MaxConcurrentChildren = -1, Device = "cuda", ShutdownTimeoutSeconds = 0, ChildWatchSeconds = 0, GrainCallRetrySeconds = -5,
        };

        Assert.True(new TrainingOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("gpu", 10, 5, 60, "Training:Device must be cpu or cuda (got 'gpu')")]
    [InlineData(null, -1, 5, 60, "Training:ShutdownTimeoutSeconds must be seconds in [0, 9.2e11] (got -1)")]
    [InlineData(null, 10, double.NaN, 60, "Training:ChildWatchSeconds must be seconds in [-9.2e11, 9.2e11] (got NaN)")]
    [InlineData(null, 10, 5, double.PositiveInfinity, "Training:GrainCallRetrySeconds must be seconds in [-9.2e11, 9.2e11] (got Infinity)")]
    public void Validate_BadValue_FailsNamingKeyAndValue(string? device, double shutdown, double watch, double retry, string expected)
    {
        var options = new TrainingOptions { Device = device, ShutdownTimeoutSeconds = shutdown, ChildWatchSeconds = watch, GrainCallRetrySeconds = retry };

        var result = new TrainingOptionsValidator().Validate(null, options);

        Assert.Equal([expected], result.Failures);
    }

    [Fact]
    public async Task DeployAsync_BadTrainingSetting_FailsAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ClusterFactory.DeployAsync(new ScriptedChildRunner(), o => o.ShutdownTimeoutSeconds = -1));

        Assert.Equal("Training:ShutdownTimeoutSeconds must be seconds in [0, 9.2e11] (got -1)", error.Message);
    }
}
