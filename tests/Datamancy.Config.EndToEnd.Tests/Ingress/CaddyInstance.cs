using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Datamancy.Config.Tests.Infrastructure;

namespace Datamancy.Config.EndToEnd.Tests.Ingress;

/// <summary>
/// A real <c>caddy run</c> of one Caddyfile, with its own storage folder (so its local CA is fresh and nothing
/// is written to the user's home) and a chosen environment. Stopped by its own process handle on dispose.
/// </summary>
public sealed class CaddyInstance : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly TempFolder folder;
    private readonly StringBuilder output = new();

    private CaddyInstance(Process process, TempFolder folder, int httpsPort)
    {
        this.process = process;
        this.folder = folder;
        HttpsPort = httpsPort;
    }

    public int HttpsPort { get; }

    public CaddyCa Ca { get; private set; } = null!;

    /// <summary>Everything Caddy wrote to stdout and stderr so far (its runtime log and the access log).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts Caddy and waits until every host completes a TLS handshake with a certificate from Caddy's local CA.
    /// <paramref name="environment"/>: a null value removes the variable (unset), an empty one sets it empty.
    /// Variables the proof controls are removed from the inherited environment first, so the caller's shell cannot leak in.
    /// </summary>
    /// <param name="launcher">A command Caddy is started through (for example <c>/bin/sh caddy-preflight.sh</c>), as the stack starts it.</param>
    public static async Task<CaddyInstance> StartAsync(string caddy, string caddyfile, int httpsPort, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> hosts, Func<string, bool> controlled,
        IReadOnlyList<string>? launcher = null)
    {
        var folder = new TempFolder();
        var config = folder.Write("Caddyfile", caddyfile);
        var info = new ProcessStartInfo(launcher is null ? caddy : launcher[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Path,
        };
        foreach (var argument in (launcher is null ? Array.Empty<string>() : launcher.Skip(1).Append(caddy)).Concat(new[] { "run", "--config", config, "--adapter", "caddyfile" }))
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var key in info.Environment.Keys.Where(controlled).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["HOME"] = folder.Path;
        info.Environment["XDG_DATA_HOME"] = Path.Combine(folder.Path, "data");
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(folder.Path, "config");
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info };
        CaddyInstance? instance = null;
        try
        {
            process.Start();
            instance = new CaddyInstance(process, folder, httpsPort);
            process.OutputDataReceived += instance.Append;
            process.ErrorDataReceived += instance.Append;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await instance.WaitUntilServingAsync(hosts.ToList());
            return instance;
        }
        catch
        {
            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
            else
            {
                process.Dispose();
                folder.Dispose();
            }
            throw;
        }
    }

    private void Append(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is not null)
        {
            lock (output)
            {
                output.Append(e.Data).Append('\n');
            }
        }
    }

    private async Task WaitUntilServingAsync(List<string> hosts)
    {
        var pki = Path.Combine(folder.Path, "data", "caddy", "pki", "authorities", "local");
        var deadline = DateTime.UtcNow + StartTimeout;
        var pending = new Queue<string>(hosts);
        while (pending.Count > 0)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("caddy exited with " + process.ExitCode + ":\n" + Output);
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("caddy did not serve " + string.Join(", ", pending) + " within " + StartTimeout.TotalSeconds + " s:\n" + Output);
            }
            if (Ca is null && File.Exists(Path.Combine(pki, "root.crt")) && File.Exists(Path.Combine(pki, "intermediate.crt")))
            {
                try
                {
                    Ca = new CaddyCa(
                        X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(pki, "root.crt"))),
                        X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(pki, "intermediate.crt"))));
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    // Caddy creates the file before it has written the PEM into it: read it again on the next round.
                }
            }
            if (Ca is not null && await HandshakeAsync(pending.Peek()))
            {
                pending.Dequeue();
                continue;
            }
            await Task.Delay(50);
        }
    }

    private async Task<bool> HandshakeAsync(string host)
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, HttpsPort);
            await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, chain, errors) => Ca.Validate(certificate, chain, errors));
            await tls.AuthenticateAsClientAsync(host);
            return true;
        }
        catch (Exception e) when (e is IOException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            process.Dispose();
            folder.Dispose();
        }
    }
}
