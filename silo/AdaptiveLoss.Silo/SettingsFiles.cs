using System.Text.Json;

namespace AdaptiveLoss.Silo;

/// <summary>
/// A settings file the configuration could not load (appsettings.json, appsettings.&lt;Environment&gt;.json), as one line
/// for stderr: the file and where it is broken, never its content (it may hold a password).
/// </summary>
public static class SettingsFiles
{
    /// <summary>"settings file /w/appsettings.json is not valid JSON (line 3, byte 7)", from the loader's exception.</summary>
    public static string Describe(InvalidDataException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // The loader's message is "Failed to load configuration from file '<path>'."; the path is the one part to keep.
        var message = exception.Message;
        var (start, end) = (message.IndexOf('\'', StringComparison.Ordinal), message.LastIndexOf('\''));
        var file = start >= 0 && end > start ? message[(start + 1)..end] : "appsettings.json";
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line } json)
            {
                return $"settings file {file} is not valid JSON (line {line + 1}, byte {(json.BytePositionInLine ?? 0) + 1}); fix it or remove it";
            }
        }

        return $"settings file {file} cannot be loaded ({exception.InnerException?.GetType().Name ?? "unreadable"}); fix it or remove it";
    }
}
