using System.Linq;
using Datamancy.Config.Generators.Rendering;
using Microsoft.CodeAnalysis.CSharp;

namespace Datamancy.Config.Generators.Model
{
    /// <summary>
    /// What the typed view of one service writes, and nothing else: an edit that changes none of it (an image tag, an
    /// environment value) leaves the view equal, so its file is not written again.
    /// </summary>
    /// <param name="Class">The partial class the view extends.</param>
    /// <param name="Name">The compose service name.</param>
    /// <param name="InternalUrl">The URL on the stack's networks, when the service has a port.</param>
    /// <param name="PublicUrl">The browser-facing URL, when it has a UI host and the stack a domain.</param>
    /// <param name="ApiUrl">The machine-API URL, when it has an API host and the stack a domain.</param>
    /// <param name="ApiAllowlistVariable">The API host's allowlist variable, with <paramref name="ApiUrl"/>.</param>
    /// <param name="Profiles">The profiles it starts in, comma-separated, when it has named profiles.</param>
    /// <param name="IsJob">It is a one-shot job.</param>
    /// <param name="Settings">Its settings' names that are valid identifiers, distinct, in order.</param>
    /// <param name="DeclaresSecrets">It declares a secret (its <c>SecretNames</c> class is written, even with no valid name).</param>
    /// <param name="Secrets">Its secrets' names that are valid identifiers, distinct, in order.</param>
    internal sealed record ServiceView(Parsing.ClassInfo Class, string Name, string? InternalUrl, string? PublicUrl, string? ApiUrl, string? ApiAllowlistVariable,
        string? Profiles, bool IsJob, EquatableArray<string> Settings, bool DeclaresSecrets, EquatableArray<string> Secrets)
    {
        public static ServiceView Of(Parsing.ClassInfo @class, ServiceModel s, string? domain) => new(
            @class,
            s.Name,
            s.Port != 0 ? "http://" + s.Upstream() : null,
            domain is not null && s.Ui is { } ui ? "https://" + ui.Subdomain + "." + domain : null,
            domain is not null && s.Api is { } api ? "https://" + api.Subdomain + "." + domain : null,
            domain is not null ? s.Api?.AllowlistVariable : null,
            s.Extras.NamedProfiles.Count > 0 ? string.Join(",", s.Profiles().Concat(s.Extras.NamedProfiles)) : null,
            s.Extras.Job is not null,
            // An invalid name is reported as DMC0001; it gets no member rather than breaking the build further.
            s.Extras.Settings.Select(x => x.Name).Distinct().Where(n => SyntaxFacts.IsValidIdentifier(n) && n != "SettingNames").ToEquatableArray(),
            s.Secrets.Count > 0,
            s.Secrets.Select(x => x.Name).Distinct().Where(n => SyntaxFacts.IsValidIdentifier(n) && n != "SecretNames").ToEquatableArray());
    }
}
