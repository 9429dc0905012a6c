using AdaptiveLoss.Cli.Parsing;

namespace AdaptiveLoss.Cli.Tests;

/// <summary><c>--phi FILE</c>: a fixed, user-given Φ read with a size cap before anything else is checked.</summary>
public sealed class PhiFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-phi-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Parse_PhiFile_SetsTheRows()
    {
        var path = Path.Combine(_folder, "phi.json");
        File.WriteAllText(path, "{\"phi\": [[1, -0.1, 0], [-0.1, 1, 0.2], [0, 0.2, 1]]}");

        var phi = RunArgumentParser.Parse(["--phi", path]).Options.Phi!;

        Assert.Equal([1, -0.1, 0], phi[0]);
        Assert.Equal([0, 0.2, 1], phi[2]);
    }

    [Fact]
    public void Parse_FileAboveTheCap_IsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(_folder, "big.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(ValueParser.MaxPhiFileBytes + 1L);
        }

        var error = Assert.Throws<UsageException>(() => RunArgumentParser.Parse(["--phi", path]));

        Assert.Equal($"--phi '{path}' is larger than 1 MiB", error.Message);
    }

    [Fact]
    public void Parse_Folder_IsNoSuchFile()
    {
        var error = Assert.Throws<UsageException>(() => RunArgumentParser.Parse(["--phi", _folder]));

        Assert.Equal($"--phi '{_folder}': no such file", error.Message);
    }

    [Fact]
    public void Parse_NotJson_NamesTheFile()
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, "not json");

        var error = Assert.Throws<UsageException>(() => RunArgumentParser.Parse(["--phi", path]));

        Assert.StartsWith($"--phi '{path}': ", error.Message);
    }
}
