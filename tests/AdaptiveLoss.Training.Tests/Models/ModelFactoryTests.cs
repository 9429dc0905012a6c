using AdaptiveLoss.Core.Options;
using AdaptiveLoss.Training.Models;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests.Models;

public sealed class ModelFactoryTests
{
    [Theory]
    [InlineData(ModelKind.Cnn, 1, 28, 10)]
    [InlineData(ModelKind.Cnn, 3, 32, 10)]
    [InlineData(ModelKind.Cnn, 1, 12, 4)]
    [InlineData(ModelKind.Mlp, 1, 28, 10)]
    [InlineData(ModelKind.ResNet8, 3, 32, 10)]
    [InlineData(ModelKind.ResNet8, 1, 28, 7)]
    public void Create_Forward_GivesBatchByClassesLogits(ModelKind kind, int channels, int side, int classes)
    {
        using var model = ModelFactory.Create(kind, new long[] { channels, side, side }, classes);
        using var input = torch.randn(2, channels, side, side);

        using var logits = model.call(input);

        Assert.Equal(new long[] { 2, classes }, logits.shape);
    }

    [Theory]
    [InlineData(ModelKind.Cnn, 1, 28, 105_866)]
    [InlineData(ModelKind.Mlp, 1, 28, 109_386)]
    [InlineData(ModelKind.ResNet8, 3, 32, 75_290)]
    [InlineData(ModelKind.ResNet20, 3, 32, 269_722)]
    [InlineData(ModelKind.ResNet32, 3, 32, 464_154)]
    public void Create_TenClasses_PublishedParameterCounts(ModelKind kind, int channels, int side, long expected)
    {
        // CNN/MLP: toolchain.md. ResNet-20/32: the paper's 0.27M/0.46M (He et al. 2016, Table 6) with parameter-free
        // option-A shortcuts, counted by hand (e.g. ResNet-20: 432 + 32 + 14,016 + 51,072 + 203,520 + 650); 1×1-conv
        // shortcuts would add 2,752 (the 272,474 often quoted).
        using var model = ModelFactory.Create(kind, new long[] { channels, side, side }, 10);

        Assert.Equal(expected, ModelFactory.ParameterCount(model));
    }

    [Fact]
    public void Create_ResNet_StateDictHasPyTorchNames()
    {
        using var model = ModelFactory.Create(ModelKind.ResNet8, new long[] { 3, 32, 32 }, 10);

        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("conv1.weight", keys);
        Assert.Contains("layer2.0.bn1.running_mean", keys);
        Assert.Contains("fc.bias", keys);
    }

    [Fact]
    public void Create_SameGlobalSeed_SameInitialisation()
    {
        float[] Weights()
        {
            torch.random.manual_seed(42);
            using var model = ModelFactory.Create(ModelKind.Cnn, new long[] { 1, 12, 12 }, 4);
            return model.parameters().First().data<float>().ToArray();
        }

        Assert.Equal(Weights(), Weights());
    }

    [Fact]
    public void Create_InputTooSmall_ArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ModelFactory.Create(ModelKind.Cnn, new long[] { 1, 2, 2 }, 10));
    }
}
