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
    /// <summary>JSON options shared by the codec and results files: camelCase, enums as camelCase strings.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    /// <summary>Adds the JSON codec for every type in the AdaptiveLoss.Core assembly.</summary>
    public static ISerializerBuilder AddAdaptiveLossCoreTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(IsCoreType, JsonOptions);

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
