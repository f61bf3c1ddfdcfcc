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
            if (settings.AcmeStaging)
            {
                findings.Add(Finding.For(Descriptors.AcmeStagingInProduction, null, "Stack.AcmeStaging", settings.Name));
            }
            Acknowledgements.Check(settings.Acknowledgements, null, who, findings);
        }
    }
}
