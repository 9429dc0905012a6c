namespace AdaptiveLoss.Grains.Workers;

/// <summary>The one-line error a failed child reports: exception type and message, no stack (brief, style §9).</summary>
internal static class ErrorText
{
    public static string OneLine(Exception exception)
    {
        var message = exception.Message.ReplaceLineEndings(" ").Trim();
        return $"{exception.GetType().Name}: {message}";
    }
}
