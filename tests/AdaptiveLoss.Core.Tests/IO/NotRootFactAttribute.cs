namespace AdaptiveLoss.Core.Tests.IO;

/// <summary>
/// A fact skipped when the tests run as root: permission bits do not stop root, so a folder made read-only with chmod
/// is still writable to it and access(2) rightly says so.
/// </summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (Environment.UserName == "root")
        {
            Skip = "running as root: chmod 0555 does not stop root, so there is no unwritable folder to test with";
        }
    }
}
