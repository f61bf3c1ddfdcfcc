namespace Datamancy.Config.EndToEnd.Tests.Stubs;

/// <summary>A request a stub received, as it arrived through Caddy.</summary>
public sealed record RecordedRequest(string Stub, string Method, string Host, string PathAndQuery, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
