using AdaptiveLoss.Cli.Commands;
using AdaptiveLoss.Cli.Parsing;

namespace AdaptiveLoss.Cli.Tests;

/// <summary>The README's option table and <c>ala run --help</c> are generated from the parser's own table.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Readme_OptionTable_EqualsTheParsersTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");

        Assert.Contains(HelpText.MarkdownTable(), readme);
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
