using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Datamancy.Config.EndToEnd.Tests.Ingress;

/// <summary>
/// An HTTPS client whose connections leave from a chosen loopback source address (127.0.0.2, 127.0.0.3, ...)
/// and always go to Caddy's loopback port, whatever host the URL names: the URL's host becomes SNI and Host,
/// as it would for a browser resolving the stack's DNS. The server certificate must chain to Caddy's local root.
/// </summary>
public sealed class LoopbackClient : IDisposable
{
    private readonly HttpClient client;

    public LoopbackClient(IPAddress source, int caddyPort, CaddyCa ca)
    {
        Source = source;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, caddyPort), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) => ca.Validate(certificate, chain, errors),
            },
        };
        client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public IPAddress Source { get; }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => client.SendAsync(request);

    public void Dispose() => client.Dispose();
}

/// <summary>Caddy's local CA (root and intermediate from its storage); only it is trusted, never the system store.</summary>
public sealed record CaddyCa(X509Certificate2 Root, X509Certificate2 Intermediate)
{
    public bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Root);
        chain.ChainPolicy.ExtraStore.Add(Intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        foreach (var element in presented?.ChainElements ?? Enumerable.Empty<X509ChainElement>())
        {
            chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        return chain.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
    }
}
