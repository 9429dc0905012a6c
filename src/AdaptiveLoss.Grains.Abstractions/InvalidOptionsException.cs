using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Grains;

/// <summary>
/// Options a grain refused, carrying Core's <see cref="ValidationError"/> across the grain call (the setting at fault and
/// the problem), so that each caller names the setting in its own words: the message names the property (e.g. "Beta must
/// be a positive number (got 0)"), the CLI shows the flag of each setting (docs/cli.md).
/// </summary>
[GenerateSerializer, Alias("adaptive-loss.invalid-options")]
public sealed class InvalidOptionsException : ArgumentException
{
    /// <summary>For the serializer.</summary>
    public InvalidOptionsException()
    {
    }

    /// <summary>Refuses the options for <paramref name="error"/>.</summary>
    public InvalidOptionsException(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The setting at fault and the problem.</summary>
    [Id(0)]
    public ValidationError? Error { get; private set; }

    /// <summary>The problem in setting names; no " (Parameter …)" suffix, as the setting is <see cref="ParamName"/>.</summary>
    public override string Message => Error?.ToString() ?? base.Message;

    /// <summary>The setting at fault.</summary>
    public override string? ParamName => Error?.Setting;
}
