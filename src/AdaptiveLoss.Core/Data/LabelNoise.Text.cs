using System.Globalization;

namespace AdaptiveLoss.Core.Data;

/// <summary>The text form of label noise, "pairflip:ETA[:a-b,c-d,…]" or "symmetric:ETA", and value equality.</summary>
public sealed partial record LabelNoise
{
    /// <summary>
    /// Parses "pairflip:ETA", "pairflip:ETA:a-b,c-d,…" or "symmetric:ETA" (kind case-insensitive, η in invariant
    /// culture). Pairs are empty when not given, for the caller to substitute defaults. Throws FormatException with a
    /// one-line message when the kind is unknown, η is not a number in [0, 1), a pair is not "a-b" of distinct
    /// non-negative integers, a class is in two pairs, or symmetric noise is given pairs.
    /// </summary>
    public static LabelNoise Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(':');
        var kind = parts[0].Trim().ToLowerInvariant() switch
        {
            "pairflip" => LabelNoiseKind.PairFlip,
            "symmetric" => LabelNoiseKind.Symmetric,
            _ => throw new FormatException($"unknown noise kind '{parts[0].Trim()}' (pairflip or symmetric)"),
        };
        if (parts.Length < 2 || parts[1].Trim().Length == 0)
        {
            throw new FormatException($"missing noise rate: expected {parts[0].Trim()}:ETA");
        }

        if (parts.Length > (kind == LabelNoiseKind.Symmetric ? 2 : 3))
        {
            throw new FormatException(kind == LabelNoiseKind.Symmetric
                ? "symmetric noise takes no pair list"
                : "too many ':' parts: expected pairflip:ETA or pairflip:ETA:a-b,c-d");
        }

        var rateText = parts[1].Trim();
        if (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var eta))
        {
            throw new FormatException($"noise rate '{rateText}' is not a number");
        }

        if (!(eta >= 0 && eta < 1))
        {
            throw new FormatException($"noise rate {rateText} is outside [0, 1)");
        }

        var pairs = parts.Length == 3 ? ParsePairs(parts[2]) : [];
        return new LabelNoise(kind, eta, pairs);
    }

    /// <summary>Canonical text, e.g. "pairflip:0.4:0-6,2-4,5-7" or "symmetric:0.4"; <see cref="Parse"/> reads it back.</summary>
    public string Format()
    {
        var kind = Kind == LabelNoiseKind.Symmetric ? "symmetric" : "pairflip";
        var text = $"{kind}:{Eta.ToString("R", CultureInfo.InvariantCulture)}";
        var pairs = Pairs ?? [];
        return pairs.Count == 0
            ? text
            : text + ":" + string.Join(',', pairs.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.A}-{p.B}")));
    }

    /// <summary>Value equality: same kind, same η and the same pairs in the same order.</summary>
    public bool Equals(LabelNoise? other) =>
        other is not null
        && Kind == other.Kind
        && Eta.Equals(other.Eta)
        && (Pairs ?? []).SequenceEqual(other.Pairs ?? []);

    /// <summary>Hash of the kind, η and every pair.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(Eta);
        foreach (var pair in Pairs ?? [])
        {
            hash.Add(pair);
        }

        return hash.ToHashCode();
    }

    private static List<FlipPair> ParsePairs(string text)
    {
        var pairs = new List<FlipPair>();
        foreach (var item in text.Split(','))
        {
            var ends = item.Trim().Split('-');
            if (ends.Length != 2
                || !int.TryParse(ends[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                || !int.TryParse(ends[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            {
                throw new FormatException($"pair '{item.Trim()}' is not a-b with non-negative class indices");
            }

            pairs.Add(new FlipPair(a, b));
        }

        return PairsProblem(pairs, int.MaxValue) is { } problem ? throw new FormatException(problem) : pairs;
    }

    // Pairs must be of distinct classes in [0, classes), no class in two pairs.
    private static string? PairsProblem(IReadOnlyList<FlipPair> pairs, int classes)
    {
        var seen = new HashSet<int>();
        foreach (var pair in pairs)
        {
            foreach (var c in (ReadOnlySpan<int>)[pair.A, pair.B])
            {
                if (c < 0 || c >= classes)
                {
                    return $"pair {pair.A}-{pair.B} names class {c}, outside [0, {classes})";
                }
            }

            if (pair.A == pair.B)
            {
                return $"pair {pair.A}-{pair.B} flips a class to itself";
            }

            foreach (var c in (ReadOnlySpan<int>)[pair.A, pair.B])
            {
                if (!seen.Add(c))
                {
                    return $"class {c} is in two pairs";
                }
            }
        }

        return null;
    }
}
