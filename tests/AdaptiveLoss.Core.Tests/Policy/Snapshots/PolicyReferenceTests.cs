using AdaptiveLoss.Core.Policy.Snapshots;

namespace AdaptiveLoss.Core.Tests.Policy.Snapshots;

/// <summary>"policyId@version" parsing.</summary>
public sealed class PolicyReferenceTests
{
    [Theory]
    [InlineData("fashion@65", "fashion", 65L)]
    [InlineData("fashion", "fashion", null)]
    [InlineData("a.b_c-1@0", "a.b_c-1", 0L)]
    public void Parse_ValidText_IdAndVersion(string text, string id, long? version)
    {
        var reference = PolicyReference.Parse(text);

        Assert.Equal((id, version), (reference.PolicyId, reference.Version));
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [InlineData("fashion@", "policy version must be a whole number ≥ 0 after '@' (got '')")]
    [InlineData("fashion@-1", "policy version must be a whole number ≥ 0 after '@' (got '-1')")]
    [InlineData("fashion@1.5", "policy version must be a whole number ≥ 0 after '@' (got '1.5')")]
    [InlineData("a/b@1", "policy id must be 1-100 letters, digits, '-', '_' or '.' (got 'a/b')")]
    [InlineData("@3", "policy id must be 1-100 letters, digits, '-', '_' or '.' (got '')")]
    [InlineData(".hidden", "policy id must be 1-100 letters, digits, '-', '_' or '.' (got '.hidden')")]
    public void Parse_InvalidText_FormatExceptionNamingThePart(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => PolicyReference.Parse(text)).Message);
    }
}
