using System.Reflection;
using AdaptiveLoss.Core.Data;
using AdaptiveLoss.Core.Options;

namespace AdaptiveLoss.Core.Tests.Options;

public sealed class ChildSettingsTests
{
    // What stays with the experiment and the policy (docs/design.md §3, "Settings by owner"). A new option fails
    // EveryOption_IsAChildSettingOrNamedHere until it is given an owner.
    private static readonly string[] NotForChildren =
    [
        nameof(ExperimentOptions.Children), nameof(ExperimentOptions.Seed), nameof(ExperimentOptions.Baseline),
        nameof(ExperimentOptions.FreezePolicy), nameof(ExperimentOptions.PolicyHidden), nameof(ExperimentOptions.PolicyLearningRate),
        nameof(ExperimentOptions.ReplayCapacity), nameof(ExperimentOptions.ReplaySample), nameof(ExperimentOptions.EmaDecay),
        nameof(ExperimentOptions.RoundTimeoutSeconds), nameof(ExperimentOptions.PolicyId), nameof(ExperimentOptions.SnapshotEvery),
        nameof(ExperimentOptions.InitialPolicy),
    ];

    private static PropertyInfo[] ChildProperties => typeof(ChildSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    [Fact]
    public void EveryOption_IsAChildSettingOrNamedHere()
    {
        var options = typeof(ExperimentOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);

        Assert.Equal(options.Order(), ChildProperties.Select(p => p.Name).Concat(NotForChildren).Order());
    }

    [Fact]
    public void EverySetting_HasTheTypeOfItsOption()
    {
        foreach (var setting in ChildProperties)
        {
            Assert.Equal(typeof(ExperimentOptions).GetProperty(setting.Name)!.PropertyType, setting.PropertyType);
        }
    }

    [Fact]
    public void Defaults_AreTheOptionsDefaults()
    {
        Assert.Equal(new ExperimentOptions().ChildSettings(), new ChildSettings());
    }

    [Fact]
    public void ChildSettings_CopiesEverySettingUnderItsName()
    {
        // Every child setting moved off its default, so a setting the projection forgets keeps its default and differs.
        var options = new ExperimentOptions();
        foreach (var setting in ChildProperties)
        {
            var option = typeof(ExperimentOptions).GetProperty(setting.Name)!;
            option.SetValue(options, Other(option.PropertyType, option.GetValue(options)));
        }

        var settings = options.ChildSettings();

        foreach (var setting in ChildProperties)
        {
            var expected = typeof(ExperimentOptions).GetProperty(setting.Name)!.GetValue(options);
            Assert.NotEqual(setting.GetValue(new ChildSettings()), expected);
            Assert.Equal(expected, setting.GetValue(settings));
        }
    }

    [Fact]
    public void ChildSettings_LeavesOutThePolicyAndThePopulation()
    {
        var options = new ExperimentOptions { Children = 9, Seed = 5, PolicyHidden = 64, PolicyId = "shared" };

        Assert.Equal(new ChildSettings(), options.ChildSettings());
    }

    // A value of the option's type other than its default (null for a nullable one).
    private static object Other(Type type, object? value) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => value is int i ? i + 1 : 5,
        var t when t == typeof(double) => value is double d ? d + 0.5 : 2.5,
        var t when t == typeof(bool) => value is not true,
        var t when t == typeof(string) => value + "-other",
        var t when t.IsEnum => Enum.GetValues(t).Cast<object>().First(v => !v.Equals(value)),
        var t when t == typeof(LabelNoise) => LabelNoise.Parse("symmetric:0.2"),
        var t when t == typeof(double[][]) => new[] { new[] { 1.0 } },
        var t => throw new NotSupportedException($"no other value for {t}"),
    };
}
