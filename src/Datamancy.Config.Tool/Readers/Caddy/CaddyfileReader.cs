using System.Linq;

namespace Datamancy.Config.Tool.Readers.Caddy;

/// <summary>Reads a Caddyfile: the built-in parser for structure and lines, <c>caddy adapt</c> as the authority where installed.</summary>
internal static class CaddyfileReader
{
    public static void Read(InputFile file, CaddyIngress ingress, bool useCaddy)
    {
        var config = CaddyfileParser.Parse(file);
        var caddy = useCaddy ? CaddyAdapt.FindCaddy() : null;
        if (caddy is null)
        {
            CaddyfileParser.CheckDirectives(config);
            ingress.Authority = "the built-in Caddyfile parser (caddy is not installed)";
            CaddyInterpreter.Interpret(config, ingress);
            return;
        }
        var adapted = CaddyAdapt.Adapt(caddy, file, out var version);
        ingress.Authority = "caddy adapt (Caddy " + version + ")";
        var first = ingress.Routes.Count;
        CaddyInterpreter.Interpret(config, ingress);
        foreach (var route in ingress.Routes.Skip(first))
        {
            if (adapted.TryGetValue(route.Host, out var dial) && dial != route.Upstream)
            {
                route.Unsupported.Add((route.Where, "the parser read upstream '" + (route.Upstream ?? "none") + "' but caddy adapt routes to '" + dial + "'; caddy's reading is used"));
                route.Upstream = dial;
            }
        }
    }
}
