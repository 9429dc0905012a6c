namespace AdaptiveLoss.Core.Options;

/// <summary>The child model architecture.</summary>
public enum ModelKind
{
    /// <summary>Small CNN (two conv blocks, 105,866 parameters on 28×28×1): the default.</summary>
    Cnn,
    /// <summary>Two-hidden-layer MLP (784→128→64→C).</summary>
    Mlp,
    /// <summary>CIFAR-style ResNet-8 (He et al. 2016, n = 1).</summary>
    ResNet8,
    /// <summary>CIFAR-style ResNet-20 (n = 3).</summary>
    ResNet20,
    /// <summary>CIFAR-style ResNet-32 (n = 5), the paper's CIFAR-10 model.</summary>
    ResNet32,
}
