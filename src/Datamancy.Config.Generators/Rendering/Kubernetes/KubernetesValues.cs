using System.Globalization;

namespace Datamancy.Config.Generators.Rendering.Kubernetes
{
    /// <summary>Compose quantities in Kubernetes form: <c>512m</c> of memory is <c>512Mi</c> (in Kubernetes <c>512m</c> is half a byte).</summary>
    internal static class KubernetesValues
    {
        /// <summary>Compose memory (<c>[1-9][0-9]*[bkmg]</c>, binary units) as a Kubernetes quantity.</summary>
        public static string Memory(string compose)
        {
            var number = compose.Substring(0, compose.Length - 1);
            return char.ToLowerInvariant(compose[compose.Length - 1]) switch
            {
                'k' => number + "Ki",
                'm' => number + "Mi",
                'g' => number + "Gi",
                _ => number,
            };
        }

        /// <summary>Compose CPUs (<c>1.5</c>) as millicores (<c>1500m</c>), or whole cores when exact.</summary>
        public static string Cpus(string compose)
        {
            var millis = (long)System.Math.Round(decimal.Parse(compose, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 1000m);
            return millis % 1000 == 0 ? (millis / 1000).ToString(CultureInfo.InvariantCulture) : millis.ToString(CultureInfo.InvariantCulture) + "m";
        }

        /// <summary>A compose duration (<c>1m30s</c>, <c>500ms</c>) in whole seconds, at least 1.</summary>
        public static int Seconds(string duration)
        {
            double total = 0;
            var i = 0;
            while (i < duration.Length)
            {
                var start = i;
                while (i < duration.Length && (char.IsDigit(duration[i]) || duration[i] == '.'))
                {
                    i++;
                }
                var value = double.Parse(duration.Substring(start, i - start), CultureInfo.InvariantCulture);
                var unitStart = i;
                while (i < duration.Length && char.IsLetter(duration[i]))
                {
                    i++;
                }
                total += duration.Substring(unitStart, i - unitStart) switch
                {
                    "h" => value * 3600,
                    "m" => value * 60,
                    "s" => value,
                    "ms" => value / 1000,
                    "us" => value / 1_000_000,
                    _ => 0,
                };
            }
            return System.Math.Max(1, (int)System.Math.Ceiling(total));
        }

        /// <summary>The numeric user and group of a compose <c>user</c> (<c>1000</c>, <c>1000:1000</c>); null when named.</summary>
        public static (long Uid, long? Gid)? NumericUser(string? user)
        {
            if (user is null)
            {
                return null;
            }
            var parts = user.Split(':');
            if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            {
                return null;
            }
            if (parts.Length == 1)
            {
                return (uid, null);
            }
            return long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gid) ? (uid, gid) : null;
        }
    }
}
