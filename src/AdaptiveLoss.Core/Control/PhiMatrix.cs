using System.Text.Json;

namespace AdaptiveLoss.Core.Control;

/// <summary>
/// A fixed, user-given Φ (the loss parameters of docs/design.md §1.1) read from JSON, to train with a hand-set Φ instead of the
/// controller's. Only shape and syntax are checked here; <see cref="Problem"/> checks it against the task.
/// </summary>
public static partial class PhiMatrix
{
    /// <summary>
    /// Parses a JSON array of rows, <c>[[1, 0.1], [0.1, 1]]</c>, or an object <c>{"phi": [[…]]}</c>. Every row must be
    /// an array of numbers as long as the first. Throws FormatException with a one-line message. The caller bounds the
    /// input size; the parse allocates in proportion to it.
    /// </summary>
    public static double[][] Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new FormatException("not valid JSON: " + OneLine(error.Message));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("phi", out var phi))
            {
                root = phi;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("not a JSON array of rows (or an object with a \"phi\" array of rows)");
            }

            var rowCount = root.GetArrayLength();
            if (rowCount == 0)
            {
                throw new FormatException("Φ has no rows");
            }

            var rows = new double[rowCount][];
            var r = 0;
            foreach (var row in root.EnumerateArray())
            {
                rows[r] = ParseRow(row, r, r == 0 ? -1 : rows[0].Length);
                r++;
            }

            return rows;
        }
    }

    /// <summary>The rows concatenated, row-major (for <see cref="LossParameters(int, IReadOnlyList{double})"/>).</summary>
    public static double[] ToRowMajor(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.SelectMany(row => row)];
    }

    private static double[] ParseRow(JsonElement row, int r, int expected)
    {
        if (row.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"row {r} is not an array of numbers");
        }

        var length = row.GetArrayLength();
        if (expected >= 0 && length != expected)
        {
            throw new FormatException($"row {r} has {length} entries, expected {expected}");
        }

        var values = new double[length];
        var j = 0;
        foreach (var entry in row.EnumerateArray())
        {
            // An overflowing literal (1e400) parses to ±∞ rather than failing; Φ must be finite.
            if (entry.ValueKind != JsonValueKind.Number || !entry.TryGetDouble(out values[j]) || !double.IsFinite(values[j]))
            {
                throw new FormatException($"Φ[{r},{j}] is not a finite number");
            }

            j++;
        }

        return values;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
