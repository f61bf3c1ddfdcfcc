using System;
using System.Globalization;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>CIDR parsing and the ranges that count as private, loopback or link-local.</summary>
    internal static class Cidrs
    {
        /// <summary>The default allowlist of an API host: RFC 1918, loopback and unique-local IPv6.</summary>
        public static readonly EquatableArray<string> PrivateAndLoopback = new[]
        {
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "::1/128", "fc00::/7",
        }.ToEquatableArray();

        /// <summary>
        /// Ranges that never come from the open internet, so an allowlist inside them needs no justification:
        /// the defaults plus carrier-grade NAT (RFC 6598, used by Tailscale and other overlay networks) and link-local.
        /// </summary>
        public static readonly EquatableArray<string> NonPublic = PrivateAndLoopback.Items
            .AddRange(new[] { "100.64.0.0/10", "169.254.0.0/16", "fe80::/10" }).ToEquatableArray();

        /// <summary>Caddy's shortcut for its private ranges (RFC 1918, loopback, fd00::/8), accepted in <c>remote_ip</c>.</summary>
        public const string CaddyPrivateRanges = "private_ranges";

        /// <summary>
        /// A bare address (<c>10.1.2.3</c>, <c>::1</c>) becomes a one-address CIDR (<c>/32</c>, <c>/128</c>); IPv6 is written in
        /// its canonical lower-case form. Anything else is returned unchanged, so the validator reports it as written.
        /// </summary>
        public static string Normalize(string text)
        {
            if (text.IndexOf('/') >= 0 || text == CaddyPrivateRanges)
            {
                return text;
            }
            var isV4 = text.IndexOf(':') < 0;
            return TryParse(text + (isV4 ? "/32" : "/128"), out var address, out var prefix)
                ? new System.Net.IPAddress(address).ToString() + "/" + prefix.ToString(CultureInfo.InvariantCulture)
                : text;
        }

        /// <summary>Parses <c>address/prefix</c> (IPv4 or IPv6) into address bytes and prefix length.</summary>
        public static bool TryParse(string text, out byte[] address, out int prefix)
        {
            address = Array.Empty<byte>();
            prefix = 0;
            var slash = text.IndexOf('/');
            if (slash <= 0 || slash == text.Length - 1)
            {
                return false;
            }
            var addressText = text.Substring(0, slash);
            var prefixText = text.Substring(slash + 1);
            foreach (var c in prefixText)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }
            if (prefixText.Length > 3 || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix))
            {
                return false;
            }
            foreach (var c in addressText)
            {
                // IPAddress.TryParse accepts scope ids, short forms like "10.1" and hex; a CIDR here is strict.
                if (!(c is >= '0' and <= '9' || c is >= 'a' and <= 'f' || c is >= 'A' and <= 'F' || c == '.' || c == ':'))
                {
                    return false;
                }
            }
            var isV4 = addressText.IndexOf(':') < 0;
            if (isV4 && addressText.Split('.').Length != 4)
            {
                return false;
            }
            if (!System.Net.IPAddress.TryParse(addressText, out var ip))
            {
                return false;
            }
            address = ip.GetAddressBytes();
            return (address.Length == 4) == isV4 && prefix <= address.Length * 8;
        }

        /// <summary>
        /// True when every address of <paramref name="cidr"/> lies in a private, loopback, CGNAT or link-local range:
        /// the CIDR's prefix must be at least as long as the range's (<c>10.0.0.0/1</c> is not inside <c>10.0.0.0/8</c>).
        /// </summary>
        public static bool IsPrivateOrLoopback(string cidr)
        {
            if (cidr == CaddyPrivateRanges)
            {
                return true;
            }
            if (!TryParse(cidr, out var address, out var prefix))
            {
                return false;
            }
            foreach (var range in NonPublic)
            {
                TryParse(range, out var rangeAddress, out var rangePrefix);
                if (rangeAddress.Length == address.Length && prefix >= rangePrefix && SharesPrefix(address, rangeAddress, rangePrefix))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool SharesPrefix(byte[] a, byte[] b, int bits)
        {
            for (var i = 0; i < bits; i++)
            {
                var mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (b[i / 8] & mask))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
