namespace AdaptiveLoss.Grains;

/// <summary>Grain keys of the population: child i of experiment E is "E/i" (style guide §2).</summary>
internal static class ChildKeys
{
    /// <summary>The key of child <paramref name="index"/> of <paramref name="experimentId"/>.</summary>
    public static string ChildId(string experimentId, int index) => $"{experimentId}/{index}";

    /// <summary>The key of the child a job describes.</summary>
    public static string ChildId(ChildJob job) => ChildId(job.ExperimentId, job.Index);
}
