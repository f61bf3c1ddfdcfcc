using System.Collections.Generic;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// Domains a stack cannot own: the session cookie would be set for a public suffix (browsers and Authelia refuse it,
    /// or worse, share it with every other tenant), and an IP address has no subdomains to route.
    /// </summary>
    /// <remarks>
    /// Not the whole Public Suffix List (about 10,000 rules that change monthly): a rule for the common country-code
    /// second levels (<c>co.uk</c>, <c>com.au</c>, <c>ac.jp</c> …: a generic second-level label under a two-letter
    /// top-level domain) plus the shared hosting and dynamic-DNS suffixes self-hosters actually meet. Every name in a
    /// stack is <c>&lt;label&gt;.&lt;domain&gt;</c>, so only the domain itself is checked; <c>me.duckdns.org</c> is fine,
    /// <c>duckdns.org</c> is not.
    /// </remarks>
    internal static class PublicSuffixes
    {
        private static readonly HashSet<string> GenericSecondLevels = new(System.StringComparer.Ordinal)
        {
            "ac", "co", "com", "edu", "gen", "go", "gob", "gouv", "gov", "govt", "gv", "ltd", "me", "mil", "ne", "net", "nhs",
            "nic", "nom", "or", "org", "plc", "sch", "ind", "info", "biz", "firm", "web",
        };

        private static readonly HashSet<string> SharedSuffixes = new(System.StringComparer.Ordinal)
        {
            "github.io", "gitlab.io", "pages.dev", "workers.dev", "netlify.app", "vercel.app", "herokuapp.com", "onrender.com",
            "fly.dev", "appspot.com", "web.app", "firebaseapp.com", "azurewebsites.net", "cloudapp.net", "cloudfront.net",
            "amazonaws.com", "blogspot.com", "duckdns.org", "dyndns.org", "ddns.net", "no-ip.org", "no-ip.com", "freedns.org",
            "afraid.org", "eu.org", "nip.io", "sslip.io", "ts.net", "ngrok.io", "ngrok-free.app", "trycloudflare.com",
            "synology.me", "myqnapcloud.com", "tailscale.net", "localhost.run",
        };

        /// <summary>Why <paramref name="domain"/> (already a valid host name) cannot be a stack's domain, or null when it can.</summary>
        public static string? Problem(string domain)
        {
            var labels = domain.Split('.');
            var numeric = true;
            foreach (var label in labels)
            {
                foreach (var c in label)
                {
                    numeric &= c is >= '0' and <= '9';
                }
            }
            if (numeric)
            {
                return "an IP address cannot hold the stack's hosts or a session cookie for them; use a DNS name you own";
            }
            if (SharedSuffixes.Contains(domain))
            {
                return "'" + domain + "' is a shared hosting or dynamic-DNS suffix (a public suffix): the session cookie would be offered to every tenant or refused; use your own name under it, such as 'me." + domain + "'";
            }
            if (labels.Length == 2 && labels[1].Length == 2 && GenericSecondLevels.Contains(labels[0]))
            {
                return "'" + domain + "' is a public suffix (a registry's second level under a country domain): browsers refuse a session cookie for it; use the name you registered under it, such as 'example." + domain + "'";
            }
            return null;
        }
    }
}
