using System.Text;

namespace AdaptiveLoss.Core.Policy;

/// <summary>
/// The coordinator's random numbers, one stream per decision and per round, each a pure function of the experiment
/// seed and its key. Nothing random is carried between calls, so (a) an ALA run samples the same actions whatever
/// order the children's reports arrive in, and (b) a coordinator restored from storage continues exactly: there is
/// no generator state to save.
/// </summary>
public static class RandomStreams
{
    /// <summary>The stream of child <paramref name="childId"/>'s decision for <paramref name="window"/>.</summary>
    public static Random ForDecision(int seed, string childId, int window)
    {
        ArgumentNullException.ThrowIfNull(childId);
        return new Random(Fold(Mix((ulong)(uint)seed, Fnv1a(childId), 0x_D1B5_4A32_D192_ED03UL ^ (ulong)(uint)window)));
    }

    /// <summary>The stream of round <paramref name="round"/>'s replay sample (docs/design.md §1.4).</summary>
    public static Random ForRound(int seed, long round) =>
        new(Fold(Mix((ulong)(uint)seed, 0x_9E37_79B9_7F4A_7C15UL, (ulong)round)));

    // FNV-1a over the UTF-8 bytes: stable across processes (string.GetHashCode is randomised per process).
    internal static ulong Fnv1a(string text)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 0x100000001b3UL;
        }

        return hash;
    }

    // SplitMix64's finaliser (Steele et al. 2014) over each part in turn: nearby keys give unrelated seeds.
    private static ulong Mix(ulong a, ulong b, ulong c)
    {
        var x = a;
        foreach (var part in (ReadOnlySpan<ulong>)[b, c])
        {
            x = Finalise(x + 0x_9E37_79B9_7F4A_7C15UL + part);
        }

        return x;
    }

    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0x_BF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x_94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    private static int Fold(ulong x) => (int)(x ^ (x >> 32)) & int.MaxValue;
}
