namespace AdaptiveLoss.Training.Data;

/// <summary>
/// The header of an IDX file (docs/design.md §2), checked: the item count and, for images, rows and columns (1 × 1 for
/// labels). <see cref="IdxReader"/> reads it before the body and <see cref="DataPreflight"/> reads only it.
/// </summary>
/// <param name="HeaderBytes">16 for images, 8 for labels.</param>
/// <param name="Count">Items (images or labels).</param>
/// <param name="Rows">Rows of an image; 1 for labels.</param>
/// <param name="Cols">Columns of an image; 1 for labels.</param>
internal readonly record struct IdxHeader(int HeaderBytes, int Count, int Rows, int Cols)
{
    /// <summary>Bytes after the header: Count × Rows × Cols (at most <see cref="Array.MaxLength"/>, checked at parse).</summary>
    public long BodyBytes => (long)Count * Rows * Cols;

    /// <summary>The whole file's length as the header implies it.</summary>
    public long FileBytes => HeaderBytes + BodyBytes;

    /// <summary>"60000 images of 28x28" or "60000 labels", as messages name the body.</summary>
    public string Describe() => HeaderBytes == 16 ? $"{Count} images of {Rows}x{Cols}" : $"{Count} labels";

    /// <summary>An image header (magic 2051, count, rows, cols); a bad one is a <see cref="DataFormatException"/>.</summary>
    public static IdxHeader Images(string path, ReadOnlySpan<byte> header)
    {
        CheckMagic(path, header, IdxReader.ImagesMagic, "images");
        int n = BigEndian(header, 4), rows = BigEndian(header, 8), cols = BigEndian(header, 12);
        if (n < 0 || rows <= 0 || cols <= 0)
        {
            throw new DataFormatException(path, $"invalid image header: {n} images of {rows}x{cols}");
        }

        return Checked(path, new IdxHeader(16, n, rows, cols));
    }

    /// <summary>A label header (magic 2049, count); a bad one is a <see cref="DataFormatException"/>.</summary>
    public static IdxHeader Labels(string path, ReadOnlySpan<byte> header)
    {
        CheckMagic(path, header, IdxReader.LabelsMagic, "labels");
        var n = BigEndian(header, 4);
        return n < 0
            ? throw new DataFormatException(path, $"invalid label header: {n} labels")
            : new IdxHeader(8, n, 1, 1);
    }

    // Rows × cols × n can overflow even a long (three 31-bit factors): compare by division, never by the product.
    private static IdxHeader Checked(string path, IdxHeader header)
    {
        var image = (long)header.Rows * header.Cols;
        return image > Array.MaxLength || (header.Count > 0 && image > Array.MaxLength / header.Count)
            ? throw new DataFormatException(path, $"header says {header.Count} images of {header.Rows}x{header.Cols}, which is too large to load")
            : header;
    }

    private static void CheckMagic(string path, ReadOnlySpan<byte> header, int expected, string kind)
    {
        var magic = BigEndian(header, 0);
        if (magic != expected)
        {
            throw new DataFormatException(path, $"bad magic number {magic} (an IDX {kind} file starts with {expected})");
        }
    }

    private static int BigEndian(ReadOnlySpan<byte> b, int offset) => (b[offset] << 24) | (b[offset + 1] << 16) | (b[offset + 2] << 8) | b[offset + 3];
}
