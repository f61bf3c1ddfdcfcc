using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// The free-text arguments the audit and network map quote (justifications) keep the grammar of all free text:
    /// no control, line-break or invisible character, whether or not the rule that asks for them applies.
    /// </summary>
    internal static class FreeTextRules
    {
        private const string Reason = "control, line-break and invisible characters are not allowed";

        public static void Check(ServiceModel s, System.Action<string, string, string> invalid)
        {
            for (var i = 0; i < s.Ports.Count; i++)
            {
                if (s.Ports[i].Justification is { } text && !ValueRules.IsSafeText(text))
                {
                    invalid(SiteKeys.Of("Publish", i, "Justification"), "Justification of published port " + s.Ports[i].HostPort, Reason);
                }
            }
            if (s.Api?.PublicJustification is { } api && !ValueRules.IsSafeText(api))
            {
                invalid("ApiHost.PublicJustification", "PublicJustification", Reason);
            }
            if (s.Capabilities?.Justification is { } caps && !ValueRules.IsSafeText(caps))
            {
                invalid("Capabilities.Justification", "Justification", Reason);
            }
            // [Egress] is itself the exception: its reason is quoted in the network map and the audit, so it must say something.
            if (s.Egress is { } egress && !ValueRules.IsJustification(egress))
            {
                invalid("Egress.Justification", "Justification of [Egress]", "say which internet hosts the service reaches and why (10 characters or more, without control, line-break or invisible characters)");
            }
        }
    }
}
