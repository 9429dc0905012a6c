namespace AdaptiveLoss.Benchmarks.Costs;

/// <summary>
/// Where the costs and peer suites write by default, as the other suites do (BenchContext): bench/results under the
/// repository root, or bench/smoke for a smoke run, so that CI never overwrites the real numbers.
/// </summary>
internal static class ResultsFolder
{
    /// <summary>The default results folder.</summary>
    public static string Default(bool smoke) => Path.Combine(Root(), "bench", smoke ? "smoke" : "results");

    /// <summary>The repository root: the working folder or the nearest one above it with the solution.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdaptiveLossOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
