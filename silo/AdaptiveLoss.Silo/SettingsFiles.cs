using System.Text.Json;
using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Silo;

/// <summary>
/// A settings file the configuration could not load (appsettings.json, appsettings.&lt;Environment&gt;.json), as one line
/// for stderr: the file and where it is broken, never its content (it may hold a password).
/// </summary>
public static class SettingsFiles
{
    /// <summary>The largest settings file read: the configuration loader reads a file whole, so a silo caps it first.</summary>
    public const long MaxBytes = BoundedFile.MiB;

    /// <summary>
    /// Null when the settings files the silo reads from <paramref name="folder"/> (appsettings.json and
    /// appsettings.&lt;<paramref name="environment"/>&gt;.json) are absent or regular files of at most <see cref="MaxBytes"/>;
    /// otherwise one line naming the file (a FIFO would hang the loader, /dev/zero exhaust it).
    /// </summary>
    public static string? Problem(string folder, string environment)
    {
        foreach (var name in new[] { "appsettings.json", $"appsettings.{environment}.json" })
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                continue;
            }

            try
            {
                BoundedFile.ReadAllBytes(path, MaxBytes);
            }
            catch (BoundedFileException ex)
            {
                return $"settings file {ex.Message}; fix it or remove it";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return $"settings file {path} cannot be read ({ex.GetType().Name}); fix it or remove it";
            }
        }

        return null;
    }

    /// <summary>The host's environment name as the silo's host reads it (DOTNET_, then ASPNETCORE_ENVIRONMENT; default Production).</summary>
    public static string EnvironmentName(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return variable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
            : variable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
            : "Production";
    }

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
