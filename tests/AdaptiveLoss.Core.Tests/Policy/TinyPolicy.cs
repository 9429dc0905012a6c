using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

/// <summary>A 2 → 2 → 2 → 3 policy with explicit parameters, small enough to check by hand.</summary>
internal static class TinyPolicy
{
    public const int Inputs = 2;
    public const int Hidden = 2;

    /// <summary>W1 = [[0.5, −0.3], [0.2, 0.8]], b1 = [0.1, −0.1], W2 = [[0.7, −0.4], [0.3, 0.6]], b2 = [0.05, 0.2],
    /// W3 = [[0.9, −0.5], [−0.2, 0.4], [0.1, 0.3]], b3 = [0, 0.1, −0.1].</summary>
    public static double[] Parameters() =>
    [
        0.5, -0.3, 0.2, 0.8, 0.1, -0.1,
        0.7, -0.4, 0.3, 0.6, 0.05, 0.2,
        0.9, -0.5, -0.2, 0.4, 0.1, 0.3, 0.0, 0.1, -0.1,
    ];

    /// <summary>At x = (1, 0.5) every unit is active: h1 = (0.45, 0.5), h2 = (0.165, 0.635), z = (−0.169, 0.321, 0.107).</summary>
    public static float[] State => [1.0f, 0.5f];

    public static PolicyNetwork Network() => new(Inputs, Hidden, Parameters());

    /// <summary>Central finite differences of log π(action|s) with respect to every parameter.</summary>
    public static double[] NumericGradient(PolicyNetwork network, float[] state, int action, double step = 1e-5)
    {
        var theta = network.Parameters;
        var gradient = new double[theta.Length];
        for (var k = 0; k < theta.Length; k++)
        {
            var saved = theta[k];
            theta[k] = saved + step;
            var up = network.LogProbability(state, action);
            theta[k] = saved - step;
            var down = network.LogProbability(state, action);
            theta[k] = saved;
            gradient[k] = (up - down) / (2 * step);
        }

        return gradient;
    }
}
