using System.Collections.Generic;
using System.Linq;
using System.Text;
using Datamancy.Config.Tool.Mapping;

namespace Datamancy.Config.Tool.Writers;

/// <summary>Authelia's settings read back: [Ldap], [AutheliaSettings], [ExternalOidcClient] and [OidcOptions].</summary>
internal static partial class DescriptorWriter
{
    private static void AutheliaAttributes(StringBuilder text, StackDraft stack, ServiceDraft s)
    {
        if (s.Ldap is { } ldap)
        {
            Attribute(text, "Ldap", ldap.Select(a => a.Name + " = " + Str(a.Value)).ToList());
        }
        if (s.AutheliaSettings is { } settings)
        {
            Attribute(text, "AutheliaSettings", settings.Select(a => a.Name + " = " + (a.Name == "RegulationMaxRetries" ? a.Value : Str(a.Value))).ToList());
        }
        foreach (var client in s.ExternalClients)
        {
            var args = new List<string> { Str(client.ClientId) };
            args.AddRange(client.RedirectUris.Select(Str));
            if (client.ClientSecret is not null) args.Add("ClientSecret = " + Str(client.ClientSecret));
            if (client.Groups.Count > 0) args.Add("Groups = new object[] { " + string.Join(", ", client.Groups.Select(g => stack.GroupsEnum + "." + g)) + " }");
            if (client.Policy is not null) args.Add("Policy = AuthPolicy." + client.Policy);
            args.AddRange(OptionArguments(client.Options));
            Attribute(text, "ExternalOidcClient", args);
        }
    }

    private static void OidcOptions(StringBuilder text, ServiceDraft s)
    {
        if (s.OidcOptions is { } options)
        {
            Attribute(text, "OidcOptions", OptionArguments(options));
        }
    }

    private static List<string> OptionArguments(OidcOptionsDraft o)
    {
        var args = new List<string>();
        if (o.AuthMethod is not null) args.Add("TokenEndpointAuthMethod = TokenEndpointAuthMethod." + o.AuthMethod);
        if (o.Scopes is not null) args.Add("Scopes = new[] { " + string.Join(", ", o.Scopes.Select(Str)) + " }");
        if (o.ResponseModes is not null) args.Add("ResponseModes = new[] { " + string.Join(", ", o.ResponseModes.Select(Str)) + " }");
        if (o.GrantTypes is not null) args.Add("GrantTypes = new[] { " + string.Join(", ", o.GrantTypes.Select(Str)) + " }");
        if (o.RequirePkce) args.Add("RequirePkce = true");
        if (o.Consent is not null) args.Add("Consent = ConsentMode." + o.Consent);
        return args;
    }
}
