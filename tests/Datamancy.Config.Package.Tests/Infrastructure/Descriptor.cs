using System.Text.RegularExpressions;

namespace Datamancy.Config.Package.Tests.Infrastructure;

/// <summary>What a descriptor file declares, read from its text, so expectations follow the descriptor.</summary>
public sealed record Descriptor(string Domain, IReadOnlyList<string> Services, IReadOnlyList<string> UiHosts)
{
    public static Descriptor Parse(string source)
    {
        var domain = Regex.Match(source, @"\[Stack\(""[^""]+"",\s*""(?<domain>[^""]+)""").Groups["domain"].Value;
        var services = Regex.Matches(source, @"\[Service\(""(?<name>[^""]+)""").Select(m => m.Groups["name"].Value).ToList();
        var uiHosts = Regex.Matches(source, @"\[UiHost\(""(?<host>[^""]+)""").Select(m => m.Groups["host"].Value).ToList();
        if (domain.Length == 0 || services.Count == 0)
        {
            throw new InvalidOperationException("not a descriptor with [Stack] and [Service]:\n" + source);
        }
        return new Descriptor(domain, services, uiHosts);
    }

    public string Host(string subdomain) => subdomain + "." + Domain;
}
