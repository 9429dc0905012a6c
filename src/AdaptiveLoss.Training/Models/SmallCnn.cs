using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Models;

/// <summary>
/// The default child model: two conv blocks (3×3, padding 1, ReLU, 2×2 max-pool; 16 then 32 channels), then
/// fc 32·(h/4)·(w/4) → 64 → C. On 1×28×28 with 10 classes it has 105,866 parameters (toolchain.md).
/// Field names are PyTorch's, so state-dict keys read "conv1.weight", "fc2.bias", ….
/// </summary>
public sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly MaxPool2d pool;
    private readonly Linear fc1;
    private readonly Linear fc2;

    /// <summary>A CNN for inputs of <paramref name="inputShape"/> = [channels, rows, cols] and <paramref name="classes"/> outputs.</summary>
    public SmallCnn(long[] inputShape, int classes)
        : base(nameof(SmallCnn))
    {
        ModelFactory.CheckShape(inputShape, minimumSide: 4);
        var (channels, rows, cols) = (inputShape[0], inputShape[1], inputShape[2]);
        conv1 = nn.Conv2d(channels, 16, 3, padding: 1);
        conv2 = nn.Conv2d(16, 32, 3, padding: 1);
        pool = nn.MaxPool2d(2);
        // Two floor-halving pools: 28 → 14 → 7, 32 → 16 → 8.
        fc1 = nn.Linear(32 * (rows / 2 / 2) * (cols / 2 / 2), 64);
        fc2 = nn.Linear(64, classes);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var x = pool.call(nn.functional.relu(conv1.call(input)));
        x = pool.call(nn.functional.relu(conv2.call(x)));
        x = nn.functional.relu(fc1.call(x.flatten(1)));
        return fc2.call(x).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            conv2.Dispose();
            pool.Dispose();
            fc1.Dispose();
            fc2.Dispose();
        }

        base.Dispose(disposing);
    }
}
