using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests.Operations;

/// <summary>
/// The generated bootstrap LDIF on a private slapd 2.5 (loopback, own process, own config), then exactly the
/// searches the generated Authelia configuration runs, bound as the generated service account.
/// </summary>
public sealed class DirectoryBootstrapTests
{
    private const string Install = "DEBIAN_FRONTEND=noninteractive apt-get install -y slapd ldap-utils";
    private const string AdminPassword = "admin-password-for-the-test";
    private const string ServicePassword = "service-account-password";

    [SkippableFact]
    public void Bootstrap_gives_Authelia_users_and_groups_read_only_and_a_password_policy()
    {
        var run = TestStacks.Run("sample");
        var ldif = run.Artifact("prod/directory/ldif/50-datamancy.ldif");
        var authelia = Parse(run.Artifact("prod/authelia/configuration.yml"));
        var ldap = (YamlMappingNode)((YamlMappingNode)authelia["authentication_backend"])["ldap"];
        string Get(string key) => ((YamlScalarNode)ldap[key]).Value!;
        var baseDn = Get("base_dn");
        var bindDn = Get("user");
        Assert.Equal("cn=authelia," + baseDn, bindDn);

        using var server = Slapd.Start(baseDn);
        // What osixia/openldap does at first start: the base entry and the read-only user from LDAP_READONLY_USER_*,
        // then the custom bootstrap files, applied by the local root over ldapi.
        server.Admin("ldapadd", $"dn: {baseDn}\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\no: Test\ndc: {baseDn.Split(',')[0][3..]}\n\n"
            + $"dn: {bindDn}\nobjectClass: simpleSecurityObject\nobjectClass: organizationalRole\ncn: authelia\nuserPassword: {server.Hash(ServicePassword)}\n");
        server.AsLocalRoot(ldif);

        // LAM, bound as the directory admin: a user in ou=users, added to the admins group.
        var userDn = "uid=alice," + Get("additional_users_dn") + "," + baseDn;
        server.Admin("ldapadd", $"dn: {userDn}\nobjectClass: inetOrgPerson\nuid: alice\ncn: Alice\nsn: Liddell\ndisplayName: Alice Liddell\nmail: alice@example.org\nuserPassword: alice-initial-password\n");
        server.Admin("ldapmodify", $"dn: cn=admins,{Get("additional_groups_dn")},{baseDn}\nchangetype: modify\nadd: member\nmember: {userDn}\n");

        // Authelia's user search: its base, its filter with {username_attribute} and {input} replaced.
        var attributes = (YamlMappingNode)ldap["attributes"];
        string Attribute(string key) => ((YamlScalarNode)attributes[key]).Value!;
        var usersFilter = Get("users_filter").Replace("{username_attribute}", Attribute("username")).Replace("{input}", "alice");
        var users = server.Search(bindDn, ServicePassword, Get("additional_users_dn") + "," + baseDn, usersFilter, Attribute("username"), Attribute("display_name"), Attribute("mail"), "userPassword");
        Assert.True(users.ExitCode == 0, users.StandardError);
        Assert.Contains("dn: " + userDn, users.StandardOutput);
        Assert.Contains("mail: alice@example.org", users.StandardOutput);
        Assert.DoesNotContain("userPassword", users.StandardOutput);

        // Authelia's group search: the groups filter with the user's DN.
        var groups = server.Search(bindDn, ServicePassword, Get("additional_groups_dn") + "," + baseDn, Get("groups_filter").Replace("{dn}", userDn), Attribute("group_name"));
        Assert.True(groups.ExitCode == 0, groups.StandardError);
        Assert.Contains("cn: admins", groups.StandardOutput);
        Assert.DoesNotContain("cn: users", groups.StandardOutput);
        // Every [UserGroups] member exists under the name the access rules use.
        var everyGroup = server.Search(bindDn, ServicePassword, Get("additional_groups_dn") + "," + baseDn, "(objectClass=groupOfNames)", "cn");
        foreach (var subject in System.Text.RegularExpressions.Regex.Matches(run.Artifact("prod/authelia/configuration.yml"), "\"group:([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.Contains("cn: " + subject + "\n", everyGroup.StandardOutput);
        }

        // The service account cannot write.
        var write = server.Run("ldapmodify", new[] { "-x", "-H", server.Url, "-D", bindDn, "-w", ServicePassword }, $"dn: {userDn}\nchangetype: modify\nreplace: mail\nmail: evil@example.org\n");
        Assert.Equal(50, write.ExitCode); // insufficientAccessRights

        // The password policy: a password shorter than the minimum is refused by the server; a long one is accepted.
        var shortPassword = server.Run("ldappasswd", new[] { "-x", "-H", server.Url, "-D", userDn, "-w", "alice-initial-password", "-a", "alice-initial-password", "-s", "short-11chr" }, null);
        Assert.NotEqual(0, shortPassword.ExitCode);
        Assert.Contains("Password fails quality checking policy", shortPassword.StandardError + shortPassword.StandardOutput);
        var longPassword = server.Run("ldappasswd", new[] { "-x", "-H", server.Url, "-D", userDn, "-w", "alice-initial-password", "-a", "alice-initial-password", "-s", "a-password-long-enough" }, null);
        Assert.True(longPassword.ExitCode == 0, longPassword.StandardError);
        // History: the previous password cannot come back.
        var reuse = server.Run("ldappasswd", new[] { "-x", "-H", server.Url, "-D", userDn, "-w", "a-password-long-enough", "-a", "a-password-long-enough", "-s", "alice-initial-password" }, null);
        Assert.NotEqual(0, reuse.ExitCode);
    }

    [Fact]
    public void Compose_mounts_the_bootstrap_where_osixia_reads_it_and_Authelia_binds_with_the_accounts_password()
    {
        var run = TestStacks.Run("sample");
        var services = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services");
        var directory = services.At("openldap");
        var mount = ((YamlSequenceNode)directory.At("volumes")).Children.Single(v => v.At("source").Text() == "./directory/ldif");
        Assert.Equal("/container/service/slapd/assets/config/bootstrap/ldif/custom", mount.At("target").Text());
        Assert.Equal("true", mount.At("read_only").Text());
        Assert.Contains("--copy-service", directory.At("command").Texts());
        Assert.Equal("true", directory.At("environment", "LDAP_READONLY_USER").Text());
        Assert.Equal("authelia", directory.At("environment", "LDAP_READONLY_USER_USERNAME").Text());
        // The directory creates the account with the same secret Authelia binds with; Authelia no longer reads the admin password.
        var accountPassword = directory.At("environment", "LDAP_READONLY_USER_PASSWORD").Text();
        Assert.StartsWith("${LDAP_AUTHELIA_PASSWORD:?", accountPassword);
        Assert.Equal(accountPassword, services.At("authelia", "environment", "AUTHELIA_AUTHENTICATION_BACKEND_LDAP_PASSWORD").Text());
        Assert.DoesNotContain("LDAP_ADMIN_PASSWORD", string.Join(" ", services.At("authelia", "environment").Entries().Select(e => e.Value.Text())));
        Assert.Contains("dn: cn=admins,ou=groups,dc=project-saturn,dc=com\n", run.Artifact("prod/directory/ldif/50-datamancy.ldif"));
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>A private slapd on 127.0.0.1 and a socket in a temp folder; stopped by its own process handle.</summary>
    private sealed class Slapd : IDisposable
    {
        private readonly TempFolder _folder = new();
        private Process? _process;
        private string _baseDn = string.Empty;

        public string Url { get; private set; } = string.Empty;
        private string Ldapi { get; set; } = string.Empty;

        public static Slapd Start(string baseDn)
        {
            var slapd = Tools.Require("slapd", Install) is { Length: > 0 } path ? path : Tools.Find("/usr/sbin/slapd") ?? "/usr/sbin/slapd";
            Tools.Require("ldapmodify", Install);
            var server = new Slapd { _baseDn = baseDn };
            server.Launch(slapd);
            return server;
        }

        private void Launch(string slapd)
        {
            var config = Path.Combine(_folder.Path, "slapd.d");
            var data = Path.Combine(_folder.Path, "data");
            Directory.CreateDirectory(config);
            Directory.CreateDirectory(data);
            var root = LocalRoot();
            var configLdif = _folder.Write("config.ldif", $$"""
                dn: cn=config
                objectClass: olcGlobal
                cn: config
                olcPidFile: {{_folder.Path}}/slapd.pid

                dn: cn=module{0},cn=config
                objectClass: olcModuleList
                cn: module{0}
                olcModulePath: /usr/lib/ldap
                olcModuleLoad: back_mdb

                dn: cn=schema,cn=config
                objectClass: olcSchemaConfig
                cn: schema

                include: file:///etc/ldap/schema/core.ldif
                include: file:///etc/ldap/schema/cosine.ldif
                include: file:///etc/ldap/schema/nis.ldif
                include: file:///etc/ldap/schema/inetorgperson.ldif

                dn: olcDatabase={-1}frontend,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcFrontendConfig
                olcDatabase: {-1}frontend

                dn: olcDatabase={0}config,cn=config
                objectClass: olcDatabaseConfig
                olcDatabase: {0}config
                olcAccess: {0}to * by dn.exact={{root}} manage by * break

                dn: olcDatabase={1}mdb,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcMdbConfig
                olcDatabase: {1}mdb
                olcDbDirectory: {{data}}
                olcSuffix: {{_baseDn}}
                olcRootDN: cn=admin,{{_baseDn}}
                olcRootPW: {{Hash(AdminPassword)}}
                olcDbMaxSize: 67108864
                olcAccess: {0}to * by dn.exact={{root}} manage by * break

                """);
            var slapadd = Tools.Run(Tools.Find("slapadd") ?? "/usr/sbin/slapadd", new[] { "-n0", "-F", config, "-l", configLdif });
            Assert.True(slapadd.ExitCode == 0, slapadd.StandardError);
            var port = FreePort();
            Url = "ldap://127.0.0.1:" + port;
            Ldapi = "ldapi://" + Uri.EscapeDataString(Path.Combine(_folder.Path, "ldapi"));
            var info = new ProcessStartInfo(slapd) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-d", "0", "-h", Url + "/ " + Ldapi, "-F", config })
            {
                info.ArgumentList.Add(argument);
            }
            _process = Process.Start(info)!;
            _process.BeginErrorReadLine();
            _process.BeginOutputReadLine();
            for (var attempt = 0; attempt < 100; attempt++)
            {
                if (Run("ldapsearch", new[] { "-x", "-H", Url, "-b", string.Empty, "-s", "base", "(objectClass=*)" }, null).ExitCode == 0)
                {
                    return;
                }
                Assert.False(_process.HasExited, "slapd exited with " + (_process.HasExited ? _process.ExitCode : 0));
                Thread.Sleep(100);
            }
            throw new TimeoutException("slapd did not answer on " + Url);
        }

        /// <summary>The identity the local root has over ldapi: osixia applies bootstrap files as uid 0; the test as itself.</summary>
        private static string LocalRoot()
        {
            var uid = Tools.Run("/usr/bin/id", new[] { "-u" }).StandardOutput.Trim();
            var gid = Tools.Run("/usr/bin/id", new[] { "-g" }).StandardOutput.Trim();
            return $"gidNumber={gid}+uidNumber={uid},cn=peercred,cn=external,cn=auth";
        }

        public string Hash(string password) => Tools.Run(Tools.Find("slappasswd") ?? "/usr/sbin/slappasswd", new[] { "-s", password }).StandardOutput.Trim();

        public void Admin(string tool, string ldif)
        {
            var result = Run(tool, new[] { "-x", "-H", Url, "-D", "cn=admin," + _baseDn, "-w", AdminPassword }, ldif);
            Assert.True(result.ExitCode == 0, tool + ": " + result.StandardError);
        }

        public void AsLocalRoot(string ldif)
        {
            var identity = ldif.Replace("gidNumber=0+uidNumber=0,cn=peercred,cn=external,cn=auth", LocalRoot());
            var result = Run("ldapmodify", new[] { "-Y", "EXTERNAL", "-Q", "-H", Ldapi }, identity);
            Assert.True(result.ExitCode == 0, "bootstrap LDIF: " + result.StandardError);
        }

        public Tools.ProcessResult Search(string bindDn, string password, string searchBase, string filter, params string[] attributes) =>
            Run("ldapsearch", new[] { "-x", "-LLL", "-o", "ldif-wrap=no", "-H", Url, "-D", bindDn, "-w", password, "-b", searchBase, filter }.Concat(attributes).ToArray(), null);

        public Tools.ProcessResult Run(string tool, string[] arguments, string? input)
        {
            var path = Tools.Find(tool) ?? tool;
            if (input is null)
            {
                return Tools.Run(path, arguments);
            }
            var file = _folder.Write(Guid.NewGuid().ToString("N") + ".ldif", input);
            return Tools.Run(path, arguments.Concat(new[] { "-f", file }));
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public void Dispose()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
            _process?.Dispose();
            _folder.Dispose();
        }
    }
}
