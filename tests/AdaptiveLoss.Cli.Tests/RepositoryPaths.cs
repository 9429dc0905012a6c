namespace AdaptiveLoss.Cli.Tests;

/// <summary>Paths in the repository, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that holds AdaptiveLossOrleans.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The built CLI next to its runtimeconfig and deps (the test build builds the referenced CLI project).</summary>
    public static string CliDll { get; } = Path.Combine(Root, "client", "AdaptiveLoss.Cli", "bin", Configuration, "net10.0", "ala.dll");

    /// <summary>The built standalone silo.</summary>
    public static string SiloDll { get; } = Path.Combine(Root, "silo", "AdaptiveLoss.Silo", "bin", Configuration, "net10.0", "ala-silo.dll");

    /// <summary>Debug or Release, as this test assembly was built.</summary>
    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdaptiveLossOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no AdaptiveLossOrleans.sln above {AppContext.BaseDirectory}");
    }
}
