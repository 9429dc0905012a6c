using System.Text.Json;
using System.Text.Json.Serialization;
using AdaptiveLoss.Core.Options;
using Orleans.Serialization;

namespace AdaptiveLoss.Grains;

/// <summary>
/// Lets grain messages carry AdaptiveLoss.Core's records (options, transitions, reports) as they are: Core stays free
/// of Orleans attributes and Orleans serialises its types with System.Text.Json. Register on silo and client alike.
/// </summary>
public static class CoreSerialization
{
    /// <summary>JSON options of the files people read (results, history, run record): camelCase, enums as camelCase strings.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    /// <summary>
    /// <see cref="JsonOptions"/> with states as base64 rows (<see cref="FloatRowsConverter"/>): grain messages and grain
    /// storage, where a round of many children moves and stores thousands of them.
    /// </summary>
    public static JsonSerializerOptions StateOptions { get; } = new(JsonOptions) { Converters = { new FloatRowsConverter() } };

    /// <summary>Adds the JSON codec for every type in the AdaptiveLoss.Core assembly.</summary>
    public static ISerializerBuilder AddAdaptiveLossCoreTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(IsCoreType, StateOptions);

    private static bool IsCoreType(Type type) => type.Assembly == typeof(ExperimentOptions).Assembly;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
