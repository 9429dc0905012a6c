using AdaptiveLoss.Core.Options;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Models;

/// <summary>Builds the child model of an experiment (docs/design.md §1, §2).</summary>
public static class ModelFactory
{
    /// <summary>
    /// A fresh model for inputs of <paramref name="inputShape"/> = [channels, rows, cols] and <paramref name="classes"/>
    /// outputs (logits). Initialisation draws from the global torch generator: seed it under a lock first.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(ModelKind kind, long[] inputShape, int classes) => kind switch
    {
        ModelKind.Cnn => new SmallCnn(inputShape, classes),
        ModelKind.Mlp => new Mlp(inputShape, classes),
        ModelKind.ResNet8 => new CifarResNet(1, inputShape, classes),
        ModelKind.ResNet20 => new CifarResNet(3, inputShape, classes),
        ModelKind.ResNet32 => new CifarResNet(5, inputShape, classes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model"),
    };

    /// <summary>Number of trainable parameters.</summary>
    public static long ParameterCount(nn.Module model) => model.parameters().Sum(p => p.numel());

    /// <summary>Throws ArgumentException unless the shape is [channels, rows, cols] with sides of at least <paramref name="minimumSide"/>.</summary>
    internal static void CheckShape(long[] inputShape, long minimumSide)
    {
        if (inputShape.Length != 3 || inputShape[0] < 1 || inputShape[1] < minimumSide || inputShape[2] < minimumSide)
        {
            throw new ArgumentException($"input shape must be [channels, rows, cols] with sides of at least {minimumSide} (got [{string.Join(", ", inputShape)}])");
        }
    }
}
