using TorchSharp;

namespace AdaptiveLoss.Training.Losses;

/// <summary>
/// Scalars kept alive until the owner is disposed. A scalar converted implicitly for a TorchSharp call is unreferenced
/// once its handle is passed, so the GC may finalise it while a long native call still reads it (TorchSharp 0.107: the
/// call fails in c10 Scalar.h "toFloat", seen on the 1,000 × 5,000 distance blocks of the retrieval evaluation; also
/// docs/design.md §1.7 on the rare native error in Adam.step). Every scalar of the retrieval code comes from one of these.
/// </summary>
internal sealed class HeldScalars : IDisposable
{
    private readonly List<Scalar> _held = [];

    /// <summary>A floating-point scalar, held until <see cref="Dispose"/>.</summary>
    public Scalar this[double value] => Hold(value.ToScalar());

    /// <summary>An integer scalar (keeps an int64 tensor int64), held until <see cref="Dispose"/>.</summary>
    public Scalar Int(long value) => Hold(value.ToScalar());

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var scalar in _held)
        {
            scalar.Dispose();
        }

        _held.Clear();
    }

    private Scalar Hold(Scalar scalar)
    {
        _held.Add(scalar);
        return scalar;
    }
}
