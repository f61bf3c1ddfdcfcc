using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>The rules on the <c>[Stack]</c> class alone: its values and the production TLS settings.</summary>
    internal static class StackSettingsRules
    {
        public static void Check(StackSettings settings, List<Finding> findings)
        {
            var who = "Stack '" + ServiceRules.Shown(settings.Name) + "'";
            void Invalid(string key, string argument, string reason) =>
                findings.Add(Finding.For(Descriptors.InvalidValue, null, key, who, argument, reason));

            if (!ValueRules.IsServiceName(settings.Name))
            {
                Invalid("Stack.Name", "name '" + ServiceRules.Shown(settings.Name) + "'", "use lower-case letters, digits, '-' or '_'");
            }
            if (!ValueRules.IsDomain(settings.Domain))
            {
                Invalid("Stack.Domain", "domain '" + ServiceRules.Shown(settings.Domain) + "'", "use a lower-case DNS name with at least two labels, such as 'example.com'");
            }
            else if (PublicSuffixes.Problem(settings.Domain) is { } problem)
            {
                Invalid("Stack.Domain", "domain '" + settings.Domain + "'", problem);
            }
            if (settings.DefaultPolicy == AuthPolicy.OneFactor)
            {
                findings.Add(Finding.For(Descriptors.OneFactorDefault, null, "Stack.DefaultPolicy", settings.Name));
            }
            if (!ValueRules.IsHost(settings.PortalHost))
            {
                Invalid("Stack.PortalHost", "PortalHost '" + ServiceRules.Shown(settings.PortalHost) + "'", "use lower-case DNS labels");
            }
            if (settings.AcmeEmail is null)
            {
                findings.Add(Finding.For(Descriptors.AcmeWithoutEmail, null, "Stack", settings.Name));
            }
            else if (!ValueRules.IsEmail(settings.AcmeEmail))
            {
                Invalid("Stack.AcmeEmail", "AcmeEmail '" + ServiceRules.Shown(settings.AcmeEmail) + "'", "use an address such as 'admin@example.com'");
            }
            var more = settings.More;
            foreach (var (key, subnet) in new[] { ("FrontendSubnet", more.FrontendSubnet), ("BackendSubnet", more.BackendSubnet), ("DatabaseSubnet", more.DatabaseSubnet) })
            {
                if (subnet is null)
                {
                    continue;
                }
                if (subnet.IndexOf(':') >= 0 || !Cidrs.TryParse(subnet, out _, out var prefix) || prefix is < 8 or > 29 || !Cidrs.IsPrivateOrLoopback(subnet) || !IsNetworkAddress(subnet))
                {
                    Invalid("Stack." + key, key + " '" + ServiceRules.Shown(subnet) + "'", "use a private IPv4 network address with a prefix of 8-29, such as '172.30.1.0/24'");
                }
            }
            var subnets = new[] { more.FrontendSubnet, more.BackendSubnet, more.DatabaseSubnet }.Where(x => x is not null).Select(x => x!).ToList();
            for (var i = 0; i < subnets.Count; i++)
            {
                for (var j = i + 1; j < subnets.Count; j++)
                {
                    if (Cidrs.TryParse(subnets[i], out _, out _) && Cidrs.TryParse(subnets[j], out _, out _) && Overlap(subnets[i], subnets[j]))
                    {
                        Invalid("Stack", "subnet '" + subnets[j] + "'", "it overlaps '" + subnets[i] + "'; each network needs its own range");
                    }
                }
            }
            if (!ValueRules.IsMemory(more.DefaultMemory))
            {
                Invalid("Stack.DefaultMemory", "DefaultMemory '" + ServiceRules.Shown(more.DefaultMemory) + "'", "use a size such as '512m' or '2g'");
            }
            if (!ValueRules.IsCpus(more.DefaultCpus))
            {
                Invalid("Stack.DefaultCpus", "DefaultCpus '" + ServiceRules.Shown(more.DefaultCpus) + "'", "use a positive number such as '0.5' or '2'");
            }
            if (more.DefaultPids is < 1 or > 1_000_000)
            {
                Invalid("Stack.DefaultPids", "DefaultPids " + more.DefaultPids, "use 1-1000000");
            }
            void Range(string name, int value, int min, int max)
            {
                if (value < min || value > max)
                {
                    Invalid("Stack." + name, name + " " + value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "use a whole number from " + min.ToString(System.Globalization.CultureInfo.InvariantCulture) + " to " + max.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            var retention = settings.BackupRetention;
            Range("BackupKeepDaily", retention.Daily, 1, 366);
            Range("BackupKeepWeekly", retention.Weekly, 0, 520);
            Range("BackupKeepMonthly", retention.Monthly, 0, 1200);
            var ages = settings.SecretMaxAges;
            Range("PasswordMaxAgeDays", ages.Password, 1, 3650);
            Range("KeyMaxAgeDays", ages.Key, 1, 3650);
            Range("SigningKeyMaxAgeDays", ages.SigningKey, 1, 3650);
            Range("ClientSecretMaxAgeDays", ages.ClientSecret, 1, 3650);
            if (settings.AcmeStaging)
            {
                findings.Add(Finding.For(Descriptors.AcmeStagingInProduction, null, "Stack.AcmeStaging", settings.Name));
            }
            Acknowledgements.Check(settings.Acknowledgements, null, who, findings);
        }

        /// <summary>True when the two CIDRs share an address: the shorter prefix decides.</summary>
        internal static bool Overlap(string a, string b)
        {
            Cidrs.TryParse(a, out var left, out var leftPrefix);
            Cidrs.TryParse(b, out var right, out var rightPrefix);
            return left.Length == right.Length && SharePrefix(left, right, System.Math.Min(leftPrefix, rightPrefix));
        }

        private static bool IsNetworkAddress(string cidr)
        {
            Cidrs.TryParse(cidr, out var address, out var prefix);
            for (var bit = prefix; bit < address.Length * 8; bit++)
            {
                if ((address[bit / 8] & (0x80 >> (bit % 8))) != 0)
                {
                    return false;
                }
            }
            return true;
        }

        private static bool SharePrefix(byte[] a, byte[] b, int bits)
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
