namespace AdaptiveLoss.Benchmarks.Tests;

/// <summary>Paths in the repository, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that holds AdaptiveLossOrleans.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The CLI built by this test project's (non-referencing) project reference, in the same configuration.</summary>
    public static string CliDll { get; } = Path.Combine(Root, "client", "AdaptiveLoss.Cli", "bin", Configuration, "net10.0", "ala.dll");

    /// <summary>The standalone silo built by this test project's (non-referencing) project reference (the cluster suite's smoke run).</summary>
    public static string SiloDll { get; } = Path.Combine(Root, "silo", "AdaptiveLoss.Silo", "bin", Configuration, "net10.0", "ala-silo.dll");

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
