using AdaptiveLoss.Training.Data;
using TorchSharp;

namespace AdaptiveLoss.Training.Tests.Children;

/// <summary>
/// Learnable generated data: class k lights up quadrant k of a 1×12×12 image (4 classes), plus Gaussian noise.
/// </summary>
internal static class SyntheticTask
{
    public const int Side = 12;
    public const int Classes = 4;

    public static TaskData Create(int train = 256, int validation = 64, int test = 64, int seed = 0)
    {
        var random = new Random(seed);
        var (trainX, trainY) = Split(train, random);
        var (validationX, validationY) = Split(validation, random);
        var (testX, testY) = Split(test, random);
        return new TaskData("synthetic", Classes, trainX, trainY, validationX, validationY, testX, testY);
    }

    private static (torch.Tensor Images, torch.Tensor Labels) Split(int count, Random random)
    {
        var pixels = new float[count * Side * Side];
        var labels = new long[count];
        const int half = Side / 2;
        for (var n = 0; n < count; n++)
        {
            var label = random.Next(Classes);
            labels[n] = label;
            for (var r = 0; r < Side; r++)
            {
                for (var c = 0; c < Side; c++)
                {
                    var lit = (r / half * 2) + (c / half) == label;
                    pixels[(n * Side * Side) + (r * Side) + c] = (lit ? 1f : 0f) + (0.5f * Gaussian(random));
                }
            }
        }

        return (torch.tensor(pixels, new long[] { count, 1, Side, Side }), torch.tensor(labels));
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
