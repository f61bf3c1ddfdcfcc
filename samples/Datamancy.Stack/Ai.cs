using Datamancy.Config;

namespace Datamancy.Stack;

/// <summary>
/// LiteLLM: the UI behind SSO at litellm.*, and a machine API at api.litellm.* guarded by the
/// API_LITELLM_ALLOWLIST allowlist and the master key.
/// </summary>
[Service("litellm", "ghcr.io/berriai/litellm:main-v1.52.0", Port = 4000, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
[UiHost("litellm")]
[AllowedGroups(Group.Admins)]
[ApiHost(ApiKeySecret = "LITELLM_MASTER_KEY")]
[Secret("LITELLM_MASTER_KEY", Prefix = "sk-")]
[Egress("Forwards requests to hosted model providers (OpenAI, Anthropic).")]
[Healthcheck("python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:4000/health/liveliness')")]
[Resources(Memory = "2g", Cpus = "2.0", Pids = 512)]
public static partial class LiteLlm;

/// <summary>LocalAI: local models behind SSO.</summary>
[Service("localai", "localai/localai:v2.24.2", Port = 8080, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
[UiHost("localai")]
[AllowedGroups(Group.Admins)]
[Volume("localai-models", "/build/models", Backup = Backup.Never)]
[Egress("Downloads models from the model gallery.")]
[Healthcheck("curl", "-fsS", "http://127.0.0.1:8080/readyz")]
[Resources(Memory = "8g", Cpus = "2.0", Pids = 1024)]
public static partial class LocalAi;

/// <summary>Open WebUI: the chat UI, trusting the identity Authelia passes on.</summary>
[Service("open-webui", "ghcr.io/open-webui/open-webui:v0.5.7", Port = 8080, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
[UiHost("chat")]
[AllowedGroups(Group.Users, Group.Admins)]
[Env("OPENAI_API_BASE_URL", "http://litellm:4000/v1")]
[Env("OPENAI_API_KEY", "${LITELLM_MASTER_KEY}")]
[Env("WEBUI_AUTH_TRUSTED_EMAIL_HEADER", "Remote-Email")]
[Env("WEBUI_URL", "https://chat.{stack.domain}")]
[Env("VECTOR_DB", "qdrant")]
[Env("QDRANT_URI", "http://qdrant:6333")]
[Secret("LITELLM_MASTER_KEY", Prefix = "sk-")]
[Volume("open-webui-data", "/app/backend/data", Backup = Backup.Daily)]
[Healthcheck("curl", "-fsS", "http://127.0.0.1:8080/health")]
[DependsOn(typeof(LiteLlm))]
[Uses(typeof(Qdrant))]
[Resources(Memory = "1g", Cpus = "1.0", Pids = 512)]
public static partial class OpenWebUi;

/// <summary>
/// KFuncDB: the tool host, with a minimal read-only capability policy and a read-only docker socket. On Kubernetes the socket
/// is a hostPath (the namespace drops to the privileged level, listed in the audit): acknowledged here.
/// </summary>
#pragma warning disable DMC5001
[Service("kfuncdb", "ghcr.io/datamancy/kfuncdb:1.4.0", Port = 8081, Networks = Network.Backend, Profile = Profile.Bootstrap)]
[Capabilities("host.shell.read", "host.docker.inspect")]
[DockerSocket]
[Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:8081/health")]
public static partial class KFuncDb;
#pragma warning restore DMC5001
