using System;

namespace Datamancy.Config.Tool.Readers;

/// <summary>A place in an input file, shown as <c>file:line</c> (line 0: the whole file).</summary>
internal readonly record struct SourceRef(string File, int Line)
{
    public override string ToString() => Line > 0 ? File + ":" + Line : File;
}

/// <summary>
/// A user mistake in an input that stops the import: shown as <c>error: file:line: message</c> on stderr,
/// without a stack trace, and nothing is written.
/// </summary>
internal sealed class ImportException : Exception
{
    public ImportException(SourceRef? where, string message)
        : base(message)
    {
        Where = where;
    }

    public SourceRef? Where { get; }

    public string Display => Where is { } where ? where + ": " + Message : Message;
}

/// <summary>A value read from an input, with where it was read.</summary>
internal sealed record Located<T>(T Value, SourceRef Where);
