using TorchSharp;
using static TorchSharp.torch;

namespace AdaptiveLoss.Training.Children;

/// <summary>
/// The child's data order: a fresh permutation of the training indices every epoch, drawn from the child's own
/// generator (so two children with different seeds see different orders, and one seed always the same order,
/// whatever other children do with the global generator). Batches run across windows; the last batch of an epoch may
/// be shorter. The generator serves only these permutations (one draw per epoch, nothing else in a child is random
/// after initialisation), so the order is a pure function of (seed, batches drawn): a checkpoint stores
/// <see cref="Drawn"/> and a resumed stream replays it with <see cref="Skip"/>.
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

    /// <summary>Batches handed out so far (the data position; a discarded window's batches count too).</summary>
    public long Drawn { get; private set; }

    /// <summary>Advances past <paramref name="batches"/> batches exactly as that many <see cref="Next"/> calls would.</summary>
    public void Skip(long batches)
    {
        for (; batches > 0; batches--)
        {
            NextRange();
        }
    }

    /// <summary>
    /// The stream's position now (a copy of the epoch's order and of the generator's state), for <see cref="Reset"/>:
    /// siblings (docs/credit.md) each draw the window's batches from the same position. Dispose it after the window.
    /// </summary>
    public Mark Save() => new(_order?.clone().DetachFromDisposeScope(), _position, Drawn, _generator.get_state().DetachFromDisposeScope());

    /// <summary>Puts the stream back at <paramref name="mark"/>: the next batches are the ones drawn after it was saved.</summary>
    public void Reset(Mark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        _order?.Dispose();
        _order = mark.Order?.clone().DetachFromDisposeScope();
        _position = mark.Position;
        Drawn = mark.Drawn;
        _generator.set_state(mark.GeneratorState);
    }

    /// <summary>The next batch of training indices (int64, a view registered in the caller's dispose scope).</summary>
    public Tensor Next()
    {
        var (start, length) = NextRange();
        return _order!.narrow(0, start, length);
    }

    public void Dispose() => _order?.Dispose();

    /// <summary>A saved position of the stream (<see cref="Save"/>): it owns copies, so the stream may move on.</summary>
    internal sealed class Mark(Tensor? order, long position, long drawn, Tensor generatorState) : IDisposable
    {
        public Tensor? Order { get; } = order;

        public long Position { get; } = position;

        public long Drawn { get; } = drawn;

        public Tensor GeneratorState { get; } = generatorState;

        public void Dispose()
        {
            Order?.Dispose();
            GeneratorState.Dispose();
        }
    }

    private (long Start, long Length) NextRange()
    {
        if (_order is null || _position >= _count)
        {
            _order?.Dispose();
            _order = torch.randperm(_count, generator: _generator).DetachFromDisposeScope();
            _position = 0;
        }

        var start = _position;
        var length = Math.Min(_batchSize, _count - _position);
        _position += length;
        Drawn++;
        return (start, length);
    }
}
