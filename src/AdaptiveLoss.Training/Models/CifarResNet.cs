using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Models;

/// <summary>
/// The CIFAR-style ResNet-(6n+2) of He et al. 2016 (§4.2), the paper's CIFAR models: a 3×3 conv to 16 channels, three
/// stages of n <see cref="BasicBlock"/>s with 16, 32 and 64 channels (the second and third halve the resolution),
/// global average pooling and a linear classifier. n = 1, 3, 5 give ResNet-8, -20, -32. Convolutions use He
/// (Kaiming normal) initialisation.
/// </summary>
public sealed class CifarResNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly AdaptiveAvgPool2d avgpool;
    private readonly Linear fc;

    /// <summary>ResNet-(6<paramref name="blocksPerStage"/>+2) for inputs of <paramref name="inputShape"/>.</summary>
    public CifarResNet(int blocksPerStage, long[] inputShape, int classes)
        : base($"ResNet{(6 * blocksPerStage) + 2}")
    {
        ModelFactory.CheckShape(inputShape, minimumSide: 4);
        conv1 = nn.Conv2d(inputShape[0], 16, 3, stride: 1, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(16);
        layer1 = Stage(16, 16, blocksPerStage, stride: 1);
        layer2 = Stage(16, 32, blocksPerStage, stride: 2);
        layer3 = Stage(32, 64, blocksPerStage, stride: 2);
        avgpool = nn.AdaptiveAvgPool2d(1);
        fc = nn.Linear(64, classes);
        RegisterComponents();
        foreach (var (name, parameter) in named_parameters())
        {
            // He et al. 2015 initialisation for every convolution kernel (4-D weights).
            if (name.EndsWith("weight", StringComparison.Ordinal) && parameter.dim() == 4)
            {
                nn.init.kaiming_normal_(parameter, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
            }
        }
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = nn.functional.relu(bn1.call(conv1.call(input)));
        x = layer3.call(layer2.call(layer1.call(x)));
        return fc.call(avgpool.call(x).flatten(1)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            layer1.Dispose();
            layer2.Dispose();
            layer3.Dispose();
            avgpool.Dispose();
            fc.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Sequential Stage(long inPlanes, long planes, int blocks, long stride)
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var b = 0; b < blocks; b++)
        {
            modules.Add(($"{b}", new BasicBlock(b == 0 ? inPlanes : planes, planes, b == 0 ? stride : 1)));
        }

        return nn.Sequential(modules);
    }
}
