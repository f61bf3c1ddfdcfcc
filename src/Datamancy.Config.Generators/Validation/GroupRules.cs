using System.Collections.Generic;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// Group names come from [UserGroups] enum members (<c>DataScientists</c> → <c>data-scientists</c>); they become
    /// LDAP group names and Authelia subjects, so they keep to lower-case ASCII letters, digits and '-'.
    /// </summary>
    internal static class GroupRules
    {
        private static readonly Regex GroupName = new("^[a-z][a-z0-9-]{0,62}\\z", RegexOptions.CultureInvariant);

        public static void Check(StackModel stack, List<Finding> findings)
        {
            foreach (var group in stack.Groups)
            {
                if (!GroupName.IsMatch(group))
                {
                    findings.Add(Finding.For(Descriptors.InvalidValue, null, "Stack", "Stack '" + ServiceRules.Shown(stack.Settings.Name) + "'",
                        "user group '" + ServiceRules.Shown(group) + "'", "name [UserGroups] members with ASCII letters and digits (they become LDAP groups and Authelia subjects)"));
                }
            }
        }
        /// <summary>
        /// Two [UserGroups] members that name one group (members differing only by case, <c>Admins</c> and <c>admins</c>, both
        /// become <c>admins</c>; LDAP compares cn case-insensitively): the model keeps one, so the check runs on the names
        /// as declared, before they are merged.
        /// </summary>
        public static void CheckDuplicates(StackSettings settings, EquatableArray<string> declared, List<Finding> findings)
        {
            var seen = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var group in declared)
            {
                if (seen.TryGetValue(group, out var first))
                {
                    findings.Add(Finding.For(Descriptors.InvalidValue, null, "Stack", "Stack '" + ServiceRules.Shown(settings.Name) + "'",
                        "user group '" + ServiceRules.Shown(group) + "'", "two [UserGroups] members name the group '" + ServiceRules.Shown(first)
                        + "' (members that differ only by case, such as Admins and admins, are one LDAP group and one Authelia subject), so their members would merge silently; rename or remove one"));
                }
                else
                {
                    seen[group] = group;
                }
            }
        }
    }
}
