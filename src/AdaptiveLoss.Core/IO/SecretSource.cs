namespace AdaptiveLoss.Core.IO;

/// <summary>
/// A secret (the Redis password, the dashboard's password) read from a file or an environment variable, never from a
/// command-line value (docs/deploy.md, "Secrets"): a file flag wins over the variable. A refusal names the file or the
/// variable and what is wrong with it, never its content.
/// </summary>
public static class SecretSource
{
    /// <summary>The largest secret file read: a password or a token, not a document.</summary>
    public const long MaxBytes = 4096;

    /// <summary>
    /// The secret of <paramref name="file"/> (when given) or of the variable <paramref name="variable"/>, trailing line
    /// breaks removed (files written by <c>echo</c> or a Kubernetes Secret end in one); null when neither is set.
    /// </summary>
    /// <param name="flag">The file's flag, for the message (e.g. <c>--redis-password-file</c>).</param>
    /// <param name="file">The file's path, or null.</param>
    /// <param name="variable">The environment variable's name.</param>
    /// <param name="environment">Reads a variable (Environment.GetEnvironmentVariable).</param>
    /// <exception cref="ArgumentException">One line: the file is missing, unreadable, not a regular file, too large or empty.</exception>
    public static string? Read(string flag, string? file, string variable, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (file is null)
        {
            return environment(variable) is { Length: > 0 } value ? value : null;
        }

        string text;
        try
        {
            text = BoundedFile.ReadAllText(file, MaxBytes);
        }
        catch (BoundedFileException ex)
        {
            throw new ArgumentException($"{flag}: {ex.Message}");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArgumentException($"{flag}: {file} does not exist");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{flag}: {file} cannot be read ({ex.GetType().Name})");
        }

        var secret = text.TrimEnd('\r', '\n');
        return secret.Length > 0 ? secret : throw new ArgumentException($"{flag}: {file} is empty");
    }
}
