namespace AdaptiveLoss.Training.Children;

/// <summary>What one window measured so far: the S validation values, the training loss and the training throughput.</summary>
internal sealed class WindowProgress
{
    private double _lossSum;
    private long _steps;
    private long _images;
    private TimeSpan _trainTime;

    /// <summary>M_1..M_S measured so far.</summary>
    public List<double> Metrics { get; } = new();

    /// <summary>The latest validation evaluation.</summary>
    public Evaluation? Last { get; private set; }

    /// <summary>The window iteration (1-based) of <see cref="Last"/>; 0 before the first.</summary>
    public int LastAt { get; private set; }

    /// <summary>The lowest validation error measured in the window.</summary>
    public double MinError { get; private set; } = double.PositiveInfinity;

    /// <summary>Mean training loss over the window's steps (0 when none completed).</summary>
    public double MeanLoss => _steps == 0 ? 0 : _lossSum / _steps;

    /// <summary>Training images per second, evaluation excluded.</summary>
    public double ImagesPerSecond => _trainTime > TimeSpan.Zero ? _images / _trainTime.TotalSeconds : 0;

    public void AddStep(double loss, long images, TimeSpan elapsed)
    {
        _lossSum += loss;
        _steps++;
        _images += images;
        _trainTime += elapsed;
    }

    public void Observe(Evaluation evaluation, int at)
    {
        Last = evaluation;
        LastAt = at;
        MinError = Math.Min(MinError, evaluation.Error);
    }
}
