using Datamancy.Config;

namespace Datamancy.Stack;

/// <summary>Caddy: the single ingress and TLS terminator.</summary>
[Service("caddy", "caddy:2.11.2-alpine", Role = ServiceRole.Ingress, Networks = Network.Frontend, Profile = Profile.Bootstrap)]
[Publish(80)]
[Publish(443)]
[Publish(443, Protocol = Protocol.Udp)]
[Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:2019/config/")]
[Resources(Memory = "256m", Cpus = "1.0", Pids = 256)]
public static partial class Caddy;

/// <summary>Authelia: SSO for every UI through forward_auth, and the OIDC provider.</summary>
[Service("authelia", "authelia/authelia:4.39.13", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
[Healthcheck("/app/healthcheck.sh")]
[DependsOn(typeof(Redis))]
[DependsOn(typeof(OpenLdap))]
[Resources(Memory = "256m", Cpus = "1.0", Pids = 256)]
public static partial class Authelia;

/// <summary>OpenLDAP: users and groups.</summary>
[Service("openldap", "osixia/openldap:1.5.0", Port = 389, Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Bootstrap)]
[Env("LDAP_ORGANISATION", "Datamancy")]
[Env("LDAP_DOMAIN", "{stack.domain}")]
[Secret("LDAP_ADMIN_PASSWORD")]
[Volume("openldap-data", "/var/lib/ldap", Backup = Backup.Daily)]
[Volume("openldap-config", "/etc/ldap/slapd.d", Backup = Backup.Daily)]
[Healthcheck("ldapsearch", "-x", "-H", "ldap://127.0.0.1:389", "-b", "", "-s", "base")]
public static partial class OpenLdap;

/// <summary>LDAP Account Manager: user administration, for admins only.</summary>
[Service("lam", "ghcr.io/ldapaccountmanager/lam:9.0", Port = 80, Networks = Network.Frontend | Network.Backend)]
[UiHost("lam")]
[AllowedGroups(Group.Admins)]
[Env("LDAP_SERVER", "ldap://openldap:389")]
[Env("LDAP_DOMAIN", "{stack.domain}")]
[Env("LDAP_BASE_DN", "{stack.base_dn}")]
[Healthcheck("curl", "-fsS", "http://127.0.0.1/lam/")]
[DependsOn(typeof(OpenLdap))]
public static partial class LdapAccountManager;

/// <summary>Redis: Authelia's session store.</summary>
[Service("redis", "redis:7.4.1-alpine", Port = 6379, Role = ServiceRole.Cache, Networks = Network.Backend, Profile = Profile.Bootstrap)]
[Volume("redis-data", "/data", Backup = Backup.Never)]
[Healthcheck("redis-cli", "ping")]
public static partial class Redis;
