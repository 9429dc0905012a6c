using AdaptiveLoss.Cli.Commands;
using AdaptiveLoss.Cli.Parsing;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>The option table of docs/cli.md and <c>ala run --help</c> are generated from the parser's own table.</summary>
public sealed class CliDocsTests
{
    [Fact]
    public void CliDoc_OptionTable_EqualsTheParsersTable()
    {
        var cliDoc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "cli.md")).ReplaceLineEndings("\n");

        Assert.Contains(HelpText.MarkdownTable(), cliDoc);
    }

    [Fact]
    public void RunHelp_ListsEveryFlagWithItsDefault()
    {
        var help = HelpText.Run();

        Assert.All(RunOptionTable.All, spec => Assert.Contains(spec.Name, help));
        Assert.Contains("--children N", help);
        Assert.Contains("(default: 4)", help);
        Assert.Contains("(default: 0.02)", help);
    }
}
