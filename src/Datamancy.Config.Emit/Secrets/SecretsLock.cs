using System;
using System.IO;
using System.Threading;

namespace Datamancy.Config.Emit.Secrets;

/// <summary>
/// Serializes secrets runs on one environment folder: an exclusive lock on <c>.datamancy-secrets.lock</c>
/// (an advisory <c>flock</c> on Unix, a share-none handle on Windows). A second run waits for the first, then
/// reads what it wrote; it gives up with a clear message after <see cref="Wait"/>.
/// </summary>
public sealed class SecretsLock : IDisposable
{
    public const string FileName = ".datamancy-secrets.lock";

    public static TimeSpan Wait { get; set; } = TimeSpan.FromSeconds(60);

    private readonly FileStream stream;

    private SecretsLock(FileStream stream) => this.stream = stream;

    public static SecretsLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        SecureFile.RefuseLink(path);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = SecureFile.OwnerOnly;
        }
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            try
            {
                return new SecretsLock(new FileStream(path, options));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                throw new SecretFileException("Another secrets run holds " + path + " and did not finish within " + (int)Wait.TotalSeconds
                    + " s; retry when it is done (delete the file only if no run is active). Nothing was read or written.");
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
