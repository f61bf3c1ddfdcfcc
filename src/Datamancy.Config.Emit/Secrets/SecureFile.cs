using System;
using System.IO;
using System.Text;

namespace Datamancy.Config.Emit.Secrets;

/// <summary>
/// Files that hold secrets: created owner-only (0600) from the first byte, written to a temporary
/// file in the same folder and renamed over the target, so a failure leaves the old file intact.
/// </summary>
public static class SecureFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Refuses a path that is a symbolic link: writing would replace the link (or, for a folder, write through it),
    /// so a secrets file never lands somewhere other than where it is shown.
    /// </summary>
    public static void RefuseLink(string path)
    {
        var info = new FileInfo(path);
        if ((info.Exists || Directory.Exists(path)) && info.LinkTarget is not null)
        {
            throw new SecretFileException(path + " is a symbolic link (to " + info.LinkTarget + "); secrets files are never written through or over a link. "
                + "Replace it with a regular file or folder (or remove it) and retry. Nothing was read or written.");
        }
    }

    /// <summary>Refuses an existing file that is a link, or that group or others can read or write.</summary>
    public static void RequirePrivate(string path)
    {
        RefuseLink(path);
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) != 0)
        {
            throw new SecretFileException(path + " is accessible to group or others (mode " + Octal(mode) + "); run 'chmod 600 " + path
                + "' and retry. Nothing was read or written.");
        }
    }

    public static void WriteAtomically(string path, Action<TextWriter> write, UnixFileMode mode = OwnerOnly)
    {
        RefuseLink(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + ".tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = mode;
            }
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream, Utf8) { NewLine = "\n" })
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);
}

/// <summary>A refusal that names files and variables, never values.</summary>
public sealed class SecretFileException(string message) : Exception(message);
