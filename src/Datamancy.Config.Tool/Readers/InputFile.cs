using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Datamancy.Config.Tool.Readers;

/// <summary>One input file: its text and the name it is shown by in messages and the report.</summary>
internal sealed class InputFile
{
    /// <summary>No stack needs more: a 1,500-line compose file is about 60 KB. Larger inputs are refused before parsing.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    private InputFile(string path, string display, string text)
    {
        Path = path;
        Display = display;
        Text = text;
        Lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    public string Path { get; }

    public string Display { get; }

    public string Text { get; }

    /// <summary>The lines of the file; <c>Lines[0]</c> is line 1.</summary>
    public IReadOnlyList<string> Lines { get; }

    public SourceRef At(int line) => new(Display, line);

    public SourceRef Whole => new(Display, 0);

    public static InputFile Read(string path, string display, string what)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImportException(new SourceRef(display, 0), "the " + what + " file does not exist");
        }
        if (info.Length > MaxBytes)
        {
            throw new ImportException(new SourceRef(display, 0), "the " + what + " file is " + Megabytes(info.Length) + " MB; inputs larger than "
                + Megabytes(MaxBytes) + " MB are refused (a whole stack's " + what + " file is far smaller; is this the right file?)");
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(new SourceRef(display, 0), "cannot read the " + what + " file: " + e.Message);
        }
        if (text.IndexOf('\0') >= 0)
        {
            throw new ImportException(new SourceRef(display, 0), "the " + what + " file is binary, not text");
        }
        return new InputFile(path, display, text);
    }

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
