using AdaptiveLoss.Core.IO;

namespace AdaptiveLoss.Core.Tests.IO;

/// <summary>Secrets from a file or a variable (docs/deploy.md, "Secrets"): the file wins, refusals never quote the content.</summary>
public sealed class SecretSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-secret-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_FileGiven_WinsOverTheVariableAndLosesItsLineBreak()
    {
        var file = Path.Combine(_folder, "p");
        File.WriteAllText(file, "from-file\r\n");

        Assert.Equal("from-file", SecretSource.Read("--x-file", file, "X", _ => "from-variable"));
    }

    [Fact]
    public void Read_NoFile_TheVariableOrNull()
    {
        Assert.Equal("v", SecretSource.Read("--x-file", null, "X", n => n == "X" ? "v" : null));
        Assert.Null(SecretSource.Read("--x-file", null, "X", _ => ""));
    }

    [Fact]
    public void Read_EmptyMissingOrHugeFile_OneLineWithoutTheContent()
    {
        var (empty, huge) = (Path.Combine(_folder, "empty"), Path.Combine(_folder, "huge"));
        File.WriteAllText(empty, "\n");
        File.WriteAllText(huge, new string('s', (int)SecretSource.MaxBytes + 1));

        Assert.Equal($"--x-file: {empty} is empty", Assert.Throws<ArgumentException>(() => SecretSource.Read("--x-file", empty, "X", _ => null)).Message);
        Assert.Equal("--x-file: /nonexistent/p does not exist", Assert.Throws<ArgumentException>(() => SecretSource.Read("--x-file", "/nonexistent/p", "X", _ => null)).Message);
        var tooLarge = Assert.Throws<ArgumentException>(() => SecretSource.Read("--x-file", huge, "X", _ => null)).Message;
        Assert.Equal($"--x-file: {huge}: is larger than 4 KiB", tooLarge);
        Assert.DoesNotContain("sss", tooLarge, StringComparison.Ordinal);
    }
}
