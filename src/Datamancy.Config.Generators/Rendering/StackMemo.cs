using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// Stack-wide facts every renderer asks for many times per render (the sorted services, the service of a role,
    /// the OIDC clients), computed once per <see cref="StackModel"/> instance. A model is immutable, so the facts
    /// cannot go stale; the table holds them only as long as the model lives and is keyed by reference, so two equal
    /// models never share an entry by accident (they would hold equal facts anyway). It is the one per-model memo:
    /// a fact computed once per model belongs here, not in a table of its own.
    /// </summary>
    internal sealed class StackMemo
    {
        private static readonly ConditionalWeakTable<StackModel, StackMemo> Table = new();

        private readonly StackModel _stack;
        private readonly Dictionary<ServiceRole, ServiceModel?> _roles = new();
        private DerivedSecrets.OidcClient[]? _clients;
        private StackModel? _extended;
        private string[]? _namedProfiles;
        private SecretSpec[]? _secrets;
        private EnvVariable[]? _variables;
        private IReadOnlyList<Backups.BackupTarget>? _backupTargets;
        private Dictionary<string, EquatableArray<Operations.BackupAuditVolume>>? _backupAudit;
        private IReadOnlyList<Links.ServiceLink>? _links;

        private StackMemo(StackModel stack)
        {
            _stack = stack;
            // OrderBy is stable: services of one name (a validation error, but the analyzers may still ask) keep their order.
            Ordered = stack.Services.OrderBy(s => s.Name, System.StringComparer.Ordinal).ToArray();
        }

        public static StackMemo Of(StackModel stack) => Table.GetValue(stack, static s => new StackMemo(s));

        /// <summary>The services sorted by name with the ordinal comparer.</summary>
        public IReadOnlyList<ServiceModel> Ordered { get; }

        public ServiceModel? WithRole(ServiceRole role)
        {
            lock (_roles)
            {
                if (!_roles.TryGetValue(role, out var service))
                {
                    service = Ordered.FirstOrDefault(s => s.Role == role);
                    _roles[role] = service;
                }
                return service;
            }
        }

        /// <summary>
        /// The stack with the backup plan's services added (<see cref="Backups.BackupServices.Extend"/>), computed once:
        /// the render plan and the manifest's secret list both read it.
        /// </summary>
        public StackModel Extended => _extended ??= Backups.BackupServices.Extend(_stack);

        /// <summary>Every named profile of the stack, sorted: each bootstrap service starts in all of them.</summary>
        public IReadOnlyList<string> NamedProfiles =>
            _namedProfiles ??= _stack.Services.SelectMany(s => s.Extras.NamedProfiles).Distinct().OrderBy(p => p, System.StringComparer.Ordinal).ToArray();

        /// <summary>
        /// Every secret of the stack with its kind (<see cref="SecretSpecs.Of"/>), computed once: both env templates, the
        /// audit and the manifest's secret list read it.
        /// </summary>
        public IReadOnlyList<SecretSpec> Secrets => _secrets ??= SecretSpecs.Compute(_stack).ToArray();

        /// <summary>Every variable of the env templates (<see cref="Rendering.EnvVariables.Of"/>), computed once for both templates.</summary>
        public IReadOnlyList<EnvVariable> EnvVariables => _variables ??= Rendering.EnvVariables.Compute(_stack).ToArray();

        /// <summary>Every volume to back up (<see cref="Backups.BackupPlan.Targets"/>): the audit, BACKUP.md and backup.sh read it.</summary>
        public IReadOnlyList<Backups.BackupTarget> BackupTargets => _backupTargets ??= Backups.BackupPlan.Compute(_stack);

        /// <summary>The backup item's volumes per service (<see cref="Operations.BackupAuditFacts"/>).</summary>
        public Dictionary<string, EquatableArray<Operations.BackupAuditVolume>> BackupAudit => _backupAudit ??= Operations.BackupAuditFacts.Compute(_stack);

        /// <summary>Every link of the stack (<see cref="Links.StackLinks.All"/>): renderers ask for it per service.</summary>
        public IReadOnlyList<Links.ServiceLink> Links => _links ??= Rendering.Links.StackLinks.Compute(_stack);

        /// <summary>Every OIDC client of the stack, computed on first use.</summary>
        public IReadOnlyList<DerivedSecrets.OidcClient> OidcClients =>
            _clients ??= DerivedSecrets.ComputeOidcClients(_stack).ToArray();
    }
}
