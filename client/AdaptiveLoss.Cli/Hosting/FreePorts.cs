using System.Net;
using System.Net.Sockets;

namespace AdaptiveLoss.Cli.Hosting;

/// <summary>
/// Free loopback ports for the embedded silo, so that parallel <c>ala run</c>s and a standalone silo (11111/30000)
/// never clash: the OS hands out an unused port to a listener bound to port 0.
/// </summary>
internal static class FreePorts
{
    /// <summary>Distinct free ports, <paramref name="count"/> of them; listeners are held until all are picked.</summary>
    public static int[] Pick(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
