using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Models;

/// <summary>
/// The basic residual block of He et al. 2016 (CIFAR variant): 3×3 conv → BN → ReLU → 3×3 conv → BN, plus the
/// shortcut, then ReLU. When the block halves the resolution and widens the channels, the shortcut is option A of the
/// paper (§4.2): the input subsampled by 2 and zero-padded in the channels, parameter-free, so ResNet-20/32 keep
/// their published sizes (0.27M / 0.46M parameters).
/// </summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly long _stride;
    private readonly long _padChannels;

    /// <summary>A block from <paramref name="inPlanes"/> to <paramref name="planes"/> channels with the given stride.</summary>
    public BasicBlock(long inPlanes, long planes, long stride)
        : base(nameof(BasicBlock))
    {
        conv1 = nn.Conv2d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(planes);
        conv2 = nn.Conv2d(planes, planes, 3, stride: 1, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(planes);
        _stride = stride;
        _padChannels = planes - inPlanes;
        if (_padChannels < 0 || _padChannels % 2 != 0)
        {
            throw new ArgumentException($"option-A shortcut needs planes ≥ inPlanes with an even difference (got {inPlanes} → {planes})");
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = nn.functional.relu(bn1.call(conv1.call(input)));
        x = bn2.call(conv2.call(x));
        return nn.functional.relu(x.add_(Shortcut(input))).MoveToOuterDisposeScope();
    }

    private Tensor Shortcut(Tensor input)
    {
        if (_stride == 1 && _padChannels == 0)
        {
            return input;
        }

        var sub = input.slice(2, 0, input.shape[2], _stride).slice(3, 0, input.shape[3], _stride);
        var half = _padChannels / 2;
        return nn.functional.pad(sub, new long[] { 0, 0, 0, 0, half, half });
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            bn1.Dispose();
            conv2.Dispose();
            bn2.Dispose();
        }

        base.Dispose(disposing);
    }
}
