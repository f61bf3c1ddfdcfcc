using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.Generators.Parsing
{
    /// <summary>Turns a class marked <c>[Service]</c> into a <see cref="ServiceModel"/>.</summary>
    internal static class ServiceParser
    {
        /// <summary>The generator's entry: the attributed class as <c>ForAttributeWithMetadataName</c> found it.</summary>
        public static ServiceParse Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            Parse((INamedTypeSymbol)context.TargetSymbol, (TypeDeclarationSyntax)context.TargetNode, cancellationToken);

        /// <summary>
        /// Parses one service class. The generator and <see cref="Analyzers.ServiceAnalyzer"/> both call this,
        /// so the model the rules see is the same in the IDE and in the build.
        /// </summary>
        public static ServiceParse Parse(INamedTypeSymbol type, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
        {
            var typeName = TypeNames.Of(type);
            var sites = new List<Site>();
            var diagnostics = new List<DiagnosticInfo>();
            var classInfo = new ClassInfo(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                declaration.Modifiers.Any(SyntaxKind.PartialKeyword),
                type.IsStatic,
                type.IsRecord);
            var identifier = LocationOf(declaration);
            sites.Add(new Site("Class", identifier));

            ServiceModel? model = null;
            if (type.ContainingType is not null || type.IsGenericType)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedDeclaration, identifier, type.Name,
                    "a service must be a non-generic top-level class"));
            }
            else
            {
                model = ReadService(type, typeName, sites, diagnostics, cancellationToken);
                if (model is not null && !classInfo.IsPartial)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.ServiceNotPartial, identifier, type.Name));
                }
            }
            return new ServiceParse(model, classInfo, new ServiceSites(typeName, sites.ToEquatableArray()), diagnostics.ToEquatableArray());
        }

        private static LocationInfo LocationOf(TypeDeclarationSyntax declaration)
        {
            var location = declaration.Identifier.GetLocation();
            return new LocationInfo(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
        }

        private static ServiceModel? ReadService(INamedTypeSymbol type, string typeName, List<Site> sites, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var readers = new Dictionary<string, List<AttributeReader>>();
            foreach (var attribute in type.GetAttributes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attributeName = attribute.AttributeClass?.ToDisplayString();
                if (attributeName is null || !attributeName.StartsWith(AttributeNames.Namespace, System.StringComparison.Ordinal) || !attributeName.EndsWith("Attribute", System.StringComparison.Ordinal))
                {
                    continue;
                }
                if (!readers.TryGetValue(attributeName, out var list))
                {
                    readers[attributeName] = list = new List<AttributeReader>();
                }
                var shortName = AttributeNames.ShortName(attributeName);
                var key = list.Count == 0 ? shortName : shortName + "#" + list.Count;
                list.Add(new AttributeReader(attribute, key, sites));
            }
            if (readers.Values.SelectMany(r => r).Any(r => r.HasErrors))
            {
                return null; // the compiler already reports the bad argument
            }

            AttributeReader? One(string name) => readers.TryGetValue(name, out var list) ? list[0] : null;
            IEnumerable<AttributeReader> All(string name) => readers.TryGetValue(name, out var list) ? list : Enumerable.Empty<AttributeReader>();

            var service = One(AttributeNames.Service)!;
            var name = service.String("Name") ?? string.Empty;
            return new ServiceModel(
                TypeName: typeName,
                Name: name,
                Image: service.String("Image") ?? string.Empty,
                Port: service.Int("Port") ?? 0,
                Networks: service.Enum("Networks", Network.Backend),
                Profile: service.Enum("Profile", Profile.Full),
                Role: service.Enum("Role", ServiceRole.App),
                User: service.String("User"),
                Command: service.Strings("Command").ToEquatableArray(),
                Environment: All(AttributeNames.Env).Select(e => new EnvVar(e.String("Name") ?? string.Empty, e.String("Value") ?? string.Empty)).ToEquatableArray(),
                Secrets: All(AttributeNames.Secret).Select(ReadSecret).ToEquatableArray(),
                Volumes: All(AttributeNames.Volume).Select(ReadVolume).ToEquatableArray(),
                Healthcheck: One(AttributeNames.Healthcheck) is { } h ? ReadHealthcheck(h) : null,
                DependsOn: All(AttributeNames.DependsOn).Select(d => ReadDependency(d, name, diagnostics)).Where(d => d is not null).Select(d => d!).ToEquatableArray(),
                Resources: One(AttributeNames.Resources) is { } r ? ReadResources(r) : ResourceLimits.Default,
                Ports: All(AttributeNames.Publish).Select(ReadPort).ToEquatableArray(),
                Ui: One(AttributeNames.UiHost) is { } ui ? ReadUi(ui, One(AttributeNames.AllowedGroups), name, diagnostics) : null,
                Api: One(AttributeNames.ApiHost) is { } api ? ReadApi(api, name) : null,
                DockerSocket: One(AttributeNames.DockerSocket) is { } socket ? new DockerSocketModel(socket.Bool("ReadOnly") ?? true, socket.String("SourceVariable")) : null,
                Capabilities: One(AttributeNames.Capabilities) is { } caps ? ReadCapabilities(caps) : null,
                Elevations: All(AttributeNames.Elevated).Select(ReadElevation).ToEquatableArray(),
                Extras: ExtrasParser.Read(service, One, All, name, diagnostics),
                CaddyVersion: One(AttributeNames.CaddyBuild)?.String("CaddyVersion"),
                Acknowledgements: All(AttributeNames.Justify).Select(ReadAcknowledgement).ToEquatableArray(),
                Uses: All(AttributeNames.Uses).Select(u => ReadLink(u, name, diagnostics)).Where(u => u is not null).Select(u => u!).ToEquatableArray(),
                Egress: One(AttributeNames.Egress) is { } egress ? egress.String("Justification") ?? string.Empty : null,
                Replicas: service.Int("Replicas") ?? 1);
        }

        /// <summary>A <c>[Uses(typeof(X))]</c> link: the type must be a service class, as for <c>[DependsOn]</c>.</summary>
        private static string? ReadLink(AttributeReader u, string service, List<DiagnosticInfo> diagnostics)
        {
            if (u.Type("Service") is not INamedTypeSymbol target)
            {
                return null;
            }
            if (!target.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Service))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.DependencyNotAService, u.Location, service, target.ToDisplayString()));
                return null;
            }
            return TypeNames.Of(target);
        }

        private static SecretRef ReadSecret(AttributeReader s) =>
            new(s.String("Name") ?? string.Empty, s.String("As") ?? s.String("Name") ?? string.Empty, s.Enum("Kind", SecretKind.Password), s.Int("Length") ?? 0, s.String("Prefix") ?? string.Empty,
                s.Bool("Optional") ?? false);

        private static VolumeMount ReadVolume(AttributeReader v) =>
            new(v.String("Source") ?? string.Empty, v.String("Target") ?? string.Empty, v.Bool("ReadOnly") ?? false, v.Enum("Backup", Backup.Undecided),
                v.String("SourceVariable"), v.String("Justification"));

        private static HealthcheckModel ReadHealthcheck(AttributeReader h) =>
            new(h.Strings("Test").ToEquatableArray(), h.String("Interval") ?? "30s", h.String("Timeout") ?? "5s", h.Int("Retries") ?? 3, h.String("StartPeriod") ?? "30s",
                h.Bool("Shell") ?? false);

        private static ResourceLimits ReadResources(AttributeReader r) =>
            new(r.String("Memory"), r.String("Cpus"), r.Int("Pids") ?? 0);

        private static PublishedPort ReadPort(AttributeReader p)
        {
            var host = p.Int("Port") ?? 0;
            return new PublishedPort(host, p.Has("ContainerPort") ? p.Int("ContainerPort") ?? host : host, p.Enum("Protocol", Protocol.Tcp), p.String("Justification"));
        }

        private static Dependency? ReadDependency(AttributeReader d, string service, List<DiagnosticInfo> diagnostics)
        {
            if (d.Type("Service") is not INamedTypeSymbol target)
            {
                return null;
            }
            if (!target.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Service))
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.DependencyNotAService, d.Location, service, target.ToDisplayString()));
                return null;
            }
            return new Dependency(TypeNames.Of(target), d.Enum("Condition", DependencyCondition.Healthy));
        }

        private static UiHostModel ReadUi(AttributeReader ui, AttributeReader? groups, string service, List<DiagnosticInfo> diagnostics) =>
            new(ui.String("Subdomain") ?? string.Empty,
                ui.Enum("Sso", SsoMode.ForwardAuth),
                ui.Enum("Policy", AuthPolicy.Default),
                ui.String("Justification"),
                ui.Strings("Bypass").ToEquatableArray(),
                groups is null ? EquatableArray<string>.Empty : ReadGroups(groups, service, diagnostics),
                ui.String("OidcCallbackPath") ?? "/oauth2/callback",
                ui.String("OidcClientSecret"));

        internal static EquatableArray<string> ReadGroups(AttributeReader groups, string service, List<DiagnosticInfo> diagnostics)
        {
            var names = new List<string>();
            foreach (var value in groups.Array("Groups"))
            {
                var groupName = GroupNames.Of(value);
                if (groupName is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnknownGroup, groups.Location, service, value.Value?.ToString() ?? "null"));
                    continue;
                }
                names.Add(groupName);
            }
            return names.ToEquatableArray();
        }

        private static ApiHostModel ReadApi(AttributeReader api, string service)
        {
            var upper = EnvNames.FromServiceName(service);
            return new ApiHostModel(
                api.String("Subdomain") ?? "api." + service,
                api.String("AllowlistVariable") ?? "API_" + upper + "_ALLOWLIST",
                api.Has("DefaultAllowlist") ? api.Strings("DefaultAllowlist").Select(Cidrs.Normalize).ToEquatableArray() : Cidrs.PrivateAndLoopback,
                api.String("ApiKeySecret"),
                api.String("ClientCaFile"),
                api.Bool("ClientCredentials") ?? false,
                api.String("PublicJustification"));
        }

        internal static Acknowledgement ReadAcknowledgement(AttributeReader j) =>
            new(j.String("Check") ?? string.Empty, j.String("Reason") ?? string.Empty);

        private static ElevationModel ReadElevation(AttributeReader e) =>
            new(e.Enum("Elevation", Elevation.Privileged), e.Strings("Capabilities").ToEquatableArray(), e.String("Justification"));

        private static CapabilityModel ReadCapabilities(AttributeReader caps) =>
            new(caps.Strings("Capabilities").ToEquatableArray(), caps.String("Variable") ?? "KFUNCDB_ALLOW_CAPS", caps.String("Justification"));
    }
}
