using System.Linq;
using System.Text;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Links
{
    /// <summary>The "Links" section of network-map.md: every link, why it exists, and what carries it in compose and Kubernetes.</summary>
    internal static class LinkMapSection
    {
        public static string Render(StackModel stack)
        {
            var links = StackLinks.All(stack);
            var perLink = stack.Settings.Layout == NetworkLayout.PerLink;
            var text = new StringBuilder();
            text.Append("\n## Links\n\n");
            text.Append(perLink
                ? "Layout: **per link** (`NetworkLayout.PerLink`). Each row is carried by its own internal compose network, joined by the two services only, "
                  + "and by a NetworkPolicy pair in Kubernetes; nothing else connects. The frontend/backend/database columns above show the `Networks` "
                  + "argument, which this layout does not use. Docker gives every network its own subnet: with many links, set `default-address-pools` "
                  + "in `/etc/docker/daemon.json` to small subnets (for example `/28`).\n\n"
                : "Layout: **shared** (`NetworkLayout.Shared`). Compose connects every service on a shared network with every other one there; "
                  + "the Kubernetes NetworkPolicies allow only these links. `Networking = NetworkLayout.PerLink` makes compose enforce them too.\n\n");
            if (links.Count == 0)
            {
                text.Append("No service opens a connection to another one.\n");
            }
            else
            {
                text.Append("| Client | Target | Port | Why | Compose network |\n|---|---|---|---|---|\n");
                foreach (var link in links)
                {
                    text.Append("| ").Append(link.Client.Name).Append(" | ").Append(link.Target.Name).Append(" | ");
                    Port(text, link.Port).Append(" | ").Append(Markdown.Escape(link.Why)).Append(" | ");
                    (perLink ? text.Append('`').Append(ComposeNetworks.LinkNetwork(link.Client.Name, link.Target.Name)).Append('`') : text.Append("shared")).Append(" |\n");
                }
            }
            var egress = stack.Ordered().Where(StackLinks.HasEgress).ToList();
            text.Append("\nInternet egress (public addresses only in Kubernetes): ")
                .Append(egress.Count == 0 ? "none" : string.Join(", ", egress.Select(s => s.Name + (s.Egress is { } why ? " (" + Markdown.Escape(why) + ")" : " (ingress)"))))
                .Append(".\n");
            if (links.Count > 0)
            {
                text.Append("\n```mermaid\nflowchart LR\n");
                foreach (var service in links.SelectMany(l => new[] { l.Client, l.Target }).Select(s => s.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal))
                {
                    Id(text.Append("    "), service).Append('[').Append(service).Append("]\n");
                }
                foreach (var link in links)
                {
                    Id(text.Append("    "), link.Client.Name).Append(" -->|\"");
                    Id(Port(text, link.Port).Append("\"| "), link.Target.Name).Append('\n');
                }
                text.Append("```\n");
            }
            return text.ToString();
        }

        /// <summary>Appends the mermaid node id of a service: <c>link_</c> and its name with <c>_</c> for <c>-</c>.</summary>
        private static StringBuilder Id(StringBuilder text, string service)
        {
            text.Append("link_");
            foreach (var c in service)
            {
                text.Append(c == '-' ? '_' : c);
            }
            return text;
        }

        /// <summary>Appends <see cref="ListenPort.ToString"/> without the intermediate strings (one row per link).</summary>
        private static StringBuilder Port(StringBuilder text, ListenPort port) =>
            text.Append(port.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(port.Protocol == Protocol.Udp ? "/udp" : "/tcp");
    }
}
