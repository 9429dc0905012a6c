using System.Text;

namespace AdaptiveLoss.Cli.Output;

/// <summary>
/// Stderr while progress bars are drawn: every write goes through <see cref="ProgressBars.WriteMessage"/>, which
/// erases the frame first, so a message (ours, or a warning from the console logger's thread) is never overwritten.
/// Whole lines are written at once: <see cref="WriteLine(string)"/> is one write, not text then newline.
/// </summary>
internal sealed class FrameAwareWriter(TextWriter inner, ProgressBars bars) : TextWriter
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value) => bars.WriteMessage(inner, value.ToString());

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            bars.WriteMessage(inner, value);
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override void WriteLine(string? value) => bars.WriteMessage(inner, value + NewLine);

    /// <inheritdoc />
    public override void WriteLine() => bars.WriteMessage(inner, NewLine);

    /// <inheritdoc />
    public override void Flush() => inner.Flush();
}
