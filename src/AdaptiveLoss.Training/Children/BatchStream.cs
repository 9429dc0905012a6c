using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Children;

/// <summary>
/// The child's data order: a fresh permutation of the training indices every epoch, drawn from the child's own
/// generator (so two children with different seeds see different orders, and one seed always the same order,
/// whatever other children do with the global generator). Batches run across windows; the last batch of an epoch may
/// be shorter.
/// </summary>
internal sealed class BatchStream : IDisposable
{
    private readonly Generator _generator;
    private readonly long _count;
    private readonly long _batchSize;
    private Tensor? _order;
    private long _position;

    public BatchStream(Generator generator, long count, long batchSize)
    {
        _generator = generator;
        _count = count;
        _batchSize = batchSize;
    }

    /// <summary>The next batch of training indices (int64, a view registered in the caller's dispose scope).</summary>
    public Tensor Next()
    {
        if (_order is null || _position >= _count)
        {
            _order?.Dispose();
            _order = torch.randperm(_count, generator: _generator).DetachFromDisposeScope();
            _position = 0;
        }

        var length = Math.Min(_batchSize, _count - _position);
        var batch = _order.narrow(0, _position, length);
        _position += length;
        return batch;
    }

    public void Dispose() => _order?.Dispose();
}
