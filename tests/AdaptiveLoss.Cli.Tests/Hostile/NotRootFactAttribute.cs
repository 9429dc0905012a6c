namespace AdaptiveLoss.Cli.Tests.Hostile;

/// <summary>
/// A fact skipped when the tests run as root: permission bits do not stop root, so a folder made read-only with chmod
/// is still writable to it (access(2) rightly says so) and there is no unwritable --out or --state to test with.
/// </summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (Environment.UserName == "root")
        {
            Skip = "running as root: chmod 0555 does not stop root, so no folder is unwritable";
        }
    }
}
