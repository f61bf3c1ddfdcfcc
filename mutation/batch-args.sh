# The batches of mutation/batches.sh and mutation/rerun.sh: which files each mutates and which tests of meaning it runs.
# Sourced, not run. `batch <name>` prints Stryker's arguments for one batch.
T=../tests/Datamancy.Config.Tests/Datamancy.Config.Tests.csproj
A=../tests/Datamancy.Config.Analyzers.Tests/Datamancy.Config.Analyzers.Tests.csproj
# A cached stack run would carry one mutant's output into the next mutant's tests; the bypass property runs shorter.
export DATAMANCY_TEST_NO_CACHE=1 DATAMANCY_BYPASS_ITERATIONS=500
F="Category!=Snapshot&"

batch() {
  case "$1" in
    values) echo --test-project $T --mutate "**/Validation/ValueRules.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.ValueGrammarGuardTests|FullyQualifiedName~Guards.BypassRuleGuardTests)" ;;
    cidrs) echo --test-project $T --mutate "**/Validation/EnvReferences.cs" --mutate "**/Validation/Cidrs.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.EnvReferenceGuardTests|FullyQualifiedName~Guards.CidrGuardTests)" ;;
    bypass) echo --test-project $T --test-project $A --mutate "**/Validation/BypassRules.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.BypassRuleGuardTests|FullyQualifiedName~Hostile.BypassTests|FullyQualifiedName~DescriptorRuleTests)" ;;
    emitter) echo --test-project $T --project Datamancy.Config.Emit.csproj --mutate "**/ArtifactWriter.cs" --mutate "**/ArtifactPaths.cs" \
      --mutate "**/Secrets/EnvFile.cs" --mutate "**/Secrets/SecureFile.cs" \
      --mutate "**/Secrets/SecretsLock.cs" --mutate "**/Secrets/KubernetesSecretFile.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.EmitGuardTests|FullyQualifiedName~Guards.EmitFileGuardTests|FullyQualifiedName~EmissionTests|FullyQualifiedName~EmissionSafetyTests|FullyQualifiedName~SecretsFileSafetyTests|FullyQualifiedName~SecretsTests|FullyQualifiedName~KubernetesSecretFileTests)" ;;
    secrets) echo --test-project $T --project Datamancy.Config.Emit.csproj --mutate "**/Secrets/SecretValues.cs" --mutate "**/Secrets/SecretStrength.cs" \
      --mutate "**/Secrets/RotationRecord.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.SecretValueGuardTests|FullyQualifiedName~SecretsFileSafetyTests)" ;;
    network) echo --test-project $T --test-project $A --mutate "**/Validation/ServiceNetworkRules.cs" --mutate "**/Validation/ReachabilityRules.cs" \
      --mutate "**/Validation/UiExposureRules.cs" --mutate "**/Validation/ElevationRules.cs" --mutate "**/Validation/SecretRules.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.NetworkGuardTests|FullyQualifiedName~Guards.SecretAndElevationGuardTests|FullyQualifiedName~Guards.FindingPlacementTests|FullyQualifiedName~Tests.Diagnostics.|FullyQualifiedName~DescriptorRuleTests)" ;;
    # renderers: ingress and compose in one run (hours here); the two halves report on their own.
    renderers) echo --test-project $T --mutate "**/Rendering/CaddyPreflightRenderer.cs" --mutate "**/Rendering/CaddyfileRenderer.cs" \
      --mutate "**/Rendering/AutheliaRenderer.cs" --mutate "**/Rendering/ComposeRenderer.cs" --mutate "**/Rendering/ComposeServiceBlock.cs" --mutate "**/Rendering/Fragments/ComposeFacts.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.IngressGuardTests|FullyQualifiedName~Guards.CaddyGlobalOptionGuardTests|FullyQualifiedName~Guards.ComposeGuardTests|FullyQualifiedName~Guards.ComposeHardeningGuardTests|FullyQualifiedName~Guards.ComposeDocumentGuardTests|FullyQualifiedName~Guards.FindingPlacementTests|FullyQualifiedName~Guards.CrossArtifactAgreementTests|FullyQualifiedName~Guards.AutheliaAgreementGuardTests|FullyQualifiedName~Guards.IngressDocumentGuardTests|FullyQualifiedName~RuntimeAllowlistCheckTests.The_example_a_public_range|FullyQualifiedName~Hostile.InjectionTests|FullyQualifiedName~Hostile.LineBreakTests|FullyQualifiedName~RealToolTests.Compose_is_valid_against_the_compose_spec_schema|FullyQualifiedName~RealToolTests.Authelia_configuration_is_valid_against_the_v4_39_schema)" ;;
    ingress) echo --test-project $T --mutate "**/Rendering/CaddyPreflightRenderer.cs" --mutate "**/Rendering/CaddyfileRenderer.cs" --mutate "**/Rendering/AutheliaRenderer.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.IngressGuardTests|FullyQualifiedName~Guards.CaddyGlobalOptionGuardTests|FullyQualifiedName~Guards.CrossArtifactAgreementTests|FullyQualifiedName~Guards.AutheliaAgreementGuardTests|FullyQualifiedName~Guards.IngressDocumentGuardTests|FullyQualifiedName~Guards.ComposeDocumentGuardTests.Every_secret|FullyQualifiedName~RuntimeAllowlistCheckTests.The_example_a_public_range|FullyQualifiedName~Hostile.InjectionTests|FullyQualifiedName~Hostile.LineBreakTests|FullyQualifiedName~RealToolTests.Authelia_configuration_is_valid_against_the_v4_39_schema)" ;;
    compose) echo --test-project $T --mutate "**/Rendering/ComposeRenderer.cs" --mutate "**/Rendering/ComposeServiceBlock.cs" --mutate "**/Rendering/Fragments/ComposeFacts.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.ComposeGuardTests|FullyQualifiedName~Guards.ComposeHardeningGuardTests|FullyQualifiedName~Guards.ComposeDocumentGuardTests|FullyQualifiedName~Guards.FindingPlacementTests|FullyQualifiedName~Guards.CrossArtifactAgreementTests|FullyQualifiedName~Hostile.InjectionTests|FullyQualifiedName~Hostile.LineBreakTests|FullyQualifiedName~RealToolTests.Compose_is_valid_against_the_compose_spec_schema)" ;;
    stack) echo --test-project $T --test-project $A --mutate "**/Validation/StackSettingsRules.cs" --mutate "**/Validation/StackRules.cs" \
      --mutate "**/Validation/StackValidator.cs" --mutate "**/Validation/GroupRules.cs" --mutate "**/Validation/FreeTextRules.cs" \
      --mutate "**/Validation/EnvironmentRules.cs" --mutate "**/Validation/SiteKeys.cs" --mutate "**/Validation/CaddyVersions.cs" \
      --mutate "**/Validation/PublicSuffixes.cs" --mutate "**/Validation/Acknowledgements.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.|FullyQualifiedName~Tests.Diagnostics.|FullyQualifiedName~DescriptorRuleTests|FullyQualifiedName~SuppressionTests)" ;;
    service) echo --test-project $T --test-project $A --mutate "**/Validation/ServiceRules.cs" --mutate "**/Validation/LinkRules.cs" \
      --mutate "**/Validation/RuntimeVariableRules.cs" --mutate "**/Validation/VariableNameRules.cs" --mutate "**/Validation/VariableNamespaces.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.|FullyQualifiedName~Tests.Diagnostics.|FullyQualifiedName~Hostile.VariableNamespaceTests|FullyQualifiedName~Links.EgressReasonTests|FullyQualifiedName~Links.LinkTests|FullyQualifiedName~DescriptorRuleTests|FullyQualifiedName~VariableNamespaceRuleTests)" ;;
    extras) echo --test-project $T --test-project $A --mutate "**/Validation/ExtrasRules.cs" --mutate "**/Validation/ExtrasStackRules.cs" \
      --mutate "**/Validation/AutheliaOptionRules.cs" --mutate "**/Validation/KubernetesRules.cs" \
      --test-case-filter "${F}(FullyQualifiedName~Guards.ExtrasRuleGuardTests|FullyQualifiedName~Guards.ServiceRuleGuardTests|FullyQualifiedName~Guards.ExtrasStackRuleGuardTests|FullyQualifiedName~Guards.AutheliaOptionGuardTests|FullyQualifiedName~Guards.KubernetesGuardTests|FullyQualifiedName~RealStacks.CapabilityRuleTests|FullyQualifiedName~KubernetesRuleTests|FullyQualifiedName~KubernetesRuntimeKeyTests)" ;;
    *) echo "unknown batch: $1" >&2; return 1 ;;
  esac
}
