using System.Collections.Generic;
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
        }
    }
}
