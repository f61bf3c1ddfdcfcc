using System.Collections.Generic;
using Datamancy.Config.Tool.Readers;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>One diagnostic of the preview build, as <c>dotnet build</c> of the written project reports it.</summary>
internal sealed record Violation(string Id, string Severity, string Message, string File, int Line);

/// <summary>Everything IMPORT-REPORT.md says, collected while mapping.</summary>
internal sealed class ImportReport
{
    public List<string> Inputs { get; } = new();

    /// <summary>Service → class and descriptor file, with where it was read.</summary>
    public List<(string Service, string Class, string File, SourceRef Where)> Imported { get; } = new();

    public List<(SourceRef Where, string What, string Why)> NotExpressible { get; } = new();

    public List<(string Name, SourceRef Where, string Owner)> SecretsMoved { get; } = new();

    /// <summary>Choices the import made that the user should confirm (role from image, networks, profile…).</summary>
    public List<(SourceRef? Where, string Text)> Decisions { get; } = new();

    public List<(SourceRef? Where, string Text)> EnvNames { get; } = new();

    public List<Violation> Violations { get; } = new();

    public string? Authority { get; set; }

    public void Unsupported(SourceRef where, string what, string why) => NotExpressible.Add((where, what, why));

    public void Decide(SourceRef? where, string text) => Decisions.Add((where, text));
}
