using System.Net;
using System.Net.Sockets;

namespace Datamancy.Config.EndToEnd.Tests.Ingress;

/// <summary>Ports free on 127.0.0.1 right now, chosen by the kernel (bind to port 0, read, release).</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            // All bound at once, so the kernel cannot hand out the same port twice.
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
