namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>Reads the top-level site blocks of a formatted Caddyfile: address → trimmed directive lines.</summary>
public static class CaddyfileSites
{
    public static Dictionary<string, List<string>> Parse(string caddyfile)
    {
        var sites = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in caddyfile.Split('\n'))
        {
            if (current is null && line.EndsWith(" {") && !line.StartsWith('(') && !line.StartsWith('\t') && line != "{")
            {
                sites[line[..^2]] = current = new List<string>();
            }
            else if (current is not null && line == "}")
            {
                current = null;
            }
            else if (current is not null && line.Length > 0)
            {
                current.Add(line.Trim());
            }
        }
        return sites;
    }
}
