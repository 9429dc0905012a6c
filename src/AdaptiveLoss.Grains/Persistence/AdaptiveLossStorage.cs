using Orleans.Storage;

namespace AdaptiveLoss.Grains.Persistence;

/// <summary>
/// The grain storage of the experiment, coordinator and child grains (docs/durability.md): one named provider, files under the
/// state folder on an embedded silo, Redis on a cluster. Both store the same System.Text.Json documents (Core's JSON
/// options: camelCase, enums as strings), so a state written by one reads back in the other and stays readable by eye,
/// except the states' features, stored as base64 float32 rows (<see cref="FloatRowsConverter"/>).
/// </summary>
public static class AdaptiveLossStorage
{
    /// <summary>The provider name every <c>[PersistentState]</c> of this project uses.</summary>
    public const string Name = "ala";

    /// <summary>A serializer writing grain state with <see cref="CoreSerialization.StateOptions"/>.</summary>
    public static IGrainStorageSerializer Serializer { get; } = new JsonStateSerializer();

    private sealed class JsonStateSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, CoreSerialization.StateOptions);

        public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(CoreSerialization.StateOptions)!;
    }
}
