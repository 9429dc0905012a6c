using AdaptiveLoss.Cli.Commands;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>
/// One parser for every command (docs/cli.md): <c>--flag value</c> and <c>--flag=value</c> everywhere, a repeated flag
/// refused everywhere, and every bad command line one line on stderr, exit 2, with nothing started or written.
/// Runs <see cref="CliApp"/> in the test process: a bad command line never gets as far as a host.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ala-cmdline-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("", "ala: missing command (run, resume, status, report or policy; see ala --help)")]
    [InlineData("--nosuch", "ala: unknown command '--nosuch' (run, resume, status, report or policy; see ala --help)")]
    [InlineData("resume", "ala: resume needs an experiment id (see ala resume --help)")]
    [InlineData("resume a b", "ala: unexpected argument 'b' (see ala resume --help)")]
    [InlineData("resume a --nosuch", "ala: unknown option '--nosuch' (see ala resume --help)")]
    [InlineData("resume a --state {dir} --state={dir}", "ala: --state is given more than once")]
    [InlineData("resume a --progress", "ala: --progress needs a value (auto|bars|lines)")]
    [InlineData("resume a --progress=fancy", "ala: --progress must be one of auto, bars, lines (got 'fancy')")]
    [InlineData("resume a/b", "ala: experimentId must be 1-100 letters, digits, '-', '_' or '.' (got 'a/b')")]
    [InlineData("resume a --out", "ala: --out needs a value (DIR)")]
    [InlineData("resume a --out {dir} --out={dir}", "ala: --out is given more than once")]
    [InlineData("resume a --force=yes", "ala: --force takes no value (got 'yes')")]
    [InlineData("status", "ala: status needs an experiment id (see ala status --help)")]
    [InlineData("status a --cluster localhost --cluster localhost", "ala: --cluster is given more than once")]
    [InlineData("status a --cluster=etcd://h:1", "ala: --cluster: clustering 'etcd' is not available (use localhost, localhost:GATEWAYPORT, redis://HOST:PORT or rediss://HOST:PORT)")]
    [InlineData("status a --cluster", "ala: --cluster needs a value (CONN)")]
    [InlineData("report", "ala: report needs a run folder (see ala report --help)")]
    [InlineData("report a b", "ala: unexpected argument 'b' (see ala report --help)")]
    [InlineData("report --nosuch", "ala: unknown option '--nosuch' (see ala report --help)")]
    [InlineData("policy", "ala: missing policy command (list, show, export or import; see ala policy --help)")]
    [InlineData("policy nosuch", "ala: unknown policy command 'nosuch' (list, show, export or import; see ala policy --help)")]
    [InlineData("policy list extra", "ala: unexpected argument 'extra' (options start with --; see ala policy list --help)")]
    [InlineData("policy list --state {dir} --state {dir}", "ala: --state is given more than once")]
    [InlineData("policy show", "ala: policy show needs a policy ID[@VERSION] or a snapshot FILE.json (see ala policy show --help)")]
    [InlineData("policy export p", "ala: policy export needs a FILE to write (see ala policy export --help)")]
    [InlineData("policy import f.json --as a --as=b", "ala: --as is given more than once")]
    [InlineData("policy import f.json --as=a/b", "ala: --as must be 1-100 letters, digits, '-', '_' or '.' (got 'a/b')")]
    [InlineData("policy list --as a", "ala: unknown option '--as' (see ala policy list --help)")]
    public async Task BadCommandLine_OneLineExitTwoNothingWritten(string commandLine, string expected)
    {
        var (code, output, error) = await RunAsync(commandLine);

        Assert.Equal((2, string.Empty), (code, output));
        Assert.Equal([expected.Replace("{dir}", _work, StringComparison.Ordinal)], Lines(error));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work));
    }

    [Theory]
    [InlineData("resume a --state={dir}")]
    [InlineData("resume a --state {dir}")]
    public async Task Resume_StateEitherWay_ReadsThatFolder(string commandLine)
    {
        var (code, _, error) = await RunAsync(commandLine);

        Assert.Equal(2, code);
        Assert.StartsWith($"ala: no experiment 'a' to resume in state folder {_work} ", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy list --state={dir}")]
    [InlineData("policy list --state {dir}")]
    public async Task PolicyList_StateEitherWay_ListsThatFolder(string commandLine)
    {
        var (code, _, error) = await RunAsync(commandLine);

        Assert.Equal((0, string.Empty), (code, error));
    }

    [Theory]
    [InlineData("--help", "ala — Adaptive Loss Alignment")]
    [InlineData("-h", "ala — Adaptive Loss Alignment")]
    [InlineData("help", "ala — Adaptive Loss Alignment")]
    [InlineData("run --children 0 -h", "usage: ala run [options]")]
    [InlineData("resume --help", "usage: ala resume <experimentId>")]
    [InlineData("status x --nosuch -h", "usage: ala status <experimentId>")]
    [InlineData("report -h", "usage: ala report <runDir>")]
    [InlineData("policy --help", "usage:\n  ala policy list")]
    [InlineData("policy import --help", "usage:\n  ala policy list")]
    public async Task Help_EveryCommand_PrintsItsHelpExitZero(string commandLine, string start)
    {
        var (code, output, error) = await RunAsync(commandLine);

        Assert.Equal((0, string.Empty), (code, error));
        Assert.StartsWith(start, output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string commandLine)
    {
        var args = commandLine.Replace("{dir}", _work, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
