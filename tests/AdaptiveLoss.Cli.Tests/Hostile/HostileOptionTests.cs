namespace AdaptiveLoss.Cli.Tests.Hostile;

/// <summary>
/// Option values that would exhaust or break a run: each is refused before anything starts, in one line naming the
/// flag, exit 2, nothing written, under the memory ceiling.
/// </summary>
public sealed class HostileOptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ala-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--children", "0", "--children must be at least 1")]
    public async Task Run_RefusesTheValue(string flag, string value, string expected)
    {
        var data = HostileData.IdxFolder(_folder);

        var result = await HostileRun.CliAsync(_folder, "run", "--task", "idx", "--data", data, flag, value);

        HostileRun.AssertRefused(result, expected);
    }
}
