using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Rendering;
using Microsoft.CodeAnalysis.Text;

namespace Datamancy.Config.Generators.Emission
{
    /// <summary>Writes the generated C#: typed views of services and the artifacts as constants.</summary>
    internal static class CSharpEmitter
    {
        public const string ManifestNamespace = "Datamancy.Config.Generated";
        public const string ManifestClass = "ArtifactManifest";
        private const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"Datamancy.Config\", \"0.1.0\")]";

        /// <summary>The typed views of one bucket's trees in one file: the header once, then each service's partial, tree by tree in document order.</summary>
        public static string Services(ViewBucket bucket)
        {
            var w = Header();
            var first = true;
            foreach (var tree in bucket.Trees)
            {
                foreach (var view in tree.Views)
                {
                    if (!first)
                    {
                        w.Line();
                    }
                    first = false;
                    ServiceBody(w, view);
                }
            }
            return w.ToString();
        }

        private static void ServiceBody(CodeWriter w, ServiceView view)
        {
            OpenNamespace(w, view.Class.Namespace);
            w.Line(GeneratedCode);
            w.Open(view.Class.PartialDeclaration + " " + CodeWriter.Identifier(view.Class.Name));
            Const(w, "ServiceName", view.Name, "The compose service name, also its DNS name on the stack's networks.", view.Class.Name);
            if (view.InternalUrl is { } internalUrl)
            {
                Const(w, "InternalUrl", internalUrl, "The URL other services use on the stack's networks.", view.Class.Name);
            }
            if (view.PublicUrl is { } publicUrl)
            {
                Const(w, "PublicUrl", publicUrl, "The browser-facing URL, through the ingress.", view.Class.Name);
            }
            if (view.ApiUrl is { } apiUrl)
            {
                Const(w, "ApiUrl", apiUrl, "The machine-API URL, through the ingress (allowlist and key, no SSO).", view.Class.Name);
                Const(w, "ApiAllowlistVariable", view.ApiAllowlistVariable!, "The variable that holds the API host's allowed client CIDRs.", view.Class.Name);
            }
            if (view.Profiles is { } profiles)
            {
                Const(w, "Profiles", profiles, "The compose profiles the service starts in, comma-separated.", view.Class.Name);
            }
            if (view.IsJob && view.Class.Name != "IsJob")
            {
                w.Line("/// <summary>The service is a one-shot job: it runs to completion and dependents wait for it to succeed.</summary>");
                w.Line("public const bool IsJob = true;");
            }
            if (view.Settings.Count > 0 && view.Class.Name != "SettingNames")
            {
                w.Line("/// <summary>The names of the non-secret settings this service reads from the env file (each has a default).</summary>");
                w.Open("public static class SettingNames");
                foreach (var setting in view.Settings)
                {
                    Const(w, CodeWriter.Identifier(setting), setting, "The setting " + setting + ".");
                }
                w.Close();
            }
            if (view.DeclaresSecrets && view.Class.Name != "SecretNames")
            {
                w.Line("/// <summary>The names (never the values) of the secrets this service reads.</summary>");
                w.Open("public static class SecretNames");
                foreach (var secret in view.Secrets)
                {
                    Const(w, CodeWriter.Identifier(secret), secret, "The secret " + secret + ".");
                }
                w.Close();
            }
            w.Close();
            CloseNamespace(w, view.Class.Namespace);
        }

        /// <summary>The manifest's main file: the blocked flag, the secrets, the paths and the stack class's constants.</summary>
        public const string IndexHintName = "Datamancy.Stack.g.cs";

        /// <summary>The file that carries artifact <paramref name="index"/>'s text.</summary>
        public static string ContentHintName(int index) => "Datamancy.Stack.Content" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";

        /// <summary>Every file of the manifest, the main file first (the bench and the tests; the pipeline emits each on its own).</summary>
        public static IEnumerable<(string HintName, SourceText Text)> Files(RenderedStack rendered)
        {
            var contents = ManifestContent.Of(rendered);
            yield return (IndexHintName, Index(ManifestIndex.Of(rendered, contents)));
            foreach (var content in ManifestContent.Carried(contents))
            {
                yield return (ContentHintName(content.Index), Content(content));
            }
        }

        /// <summary>
        /// The manifest's main file: whether the stack is blocked, its secrets (never a value), each artifact's path, the
        /// artifacts that share an earlier one's text (<c>Content{i} = Content{j}</c>), and the stack class's constants.
        /// </summary>
        public static SourceText Index(ManifestIndex index)
        {
            var w = Header();
            w.Open("namespace " + ManifestNamespace);
            w.Line("/// <summary>The rendered artifacts, read from the compiled assembly by the emission step.</summary>");
            w.Line(GeneratedCode);
            w.Open("internal static partial class " + ManifestClass);
            w.Line("/// <summary>True when an error-level rule fired and nothing was rendered.</summary>");
            w.Line("public const bool Blocked = " + (index.Blocked ? "true" : "false") + ";");
            w.Line("/// <summary>The number of artifacts.</summary>");
            w.Line("public const int Count = " + index.Entries.Count + ";");
            w.Line("/// <summary>The number of secrets the secrets command creates.</summary>");
            w.Line("public const int SecretCount = " + index.Secrets.Count + ";");
            for (var i = 0; i < index.Secrets.Count; i++)
            {
                w.Line("/// <summary>Secret " + i + ": name, kind, length, profile, readers, digest-of, file (tab-separated; never a value).</summary>");
                w.Line("public const string Secret" + i + " = " + CodeWriter.Literal(index.Secrets[i]) + ";");
            }
            foreach (var entry in index.Entries)
            {
                w.Line("/// <summary>The path of artifact " + entry.Index + " below the artifacts folder.</summary>");
                w.Line("public const string Path" + entry.Index + " = " + CodeWriter.Literal(entry.Path) + ";");
                if (entry.SameAs >= 0)
                {
                    // The same text as an earlier artifact (dev and prod share every file but the Caddyfile): written and parsed once.
                    w.Line("/// <summary>The text of " + entry.Path + ".</summary>");
                    w.Line("public const string Content" + entry.Index + " = Content" + entry.SameAs + ";");
                }
            }
            w.Close();
            w.Close();

            if (index.Stack is { } stack)
            {
                w.Line();
                OpenNamespace(w, stack.Class.Namespace);
                w.Line(GeneratedCode);
                w.Open(stack.Class.PartialDeclaration + " " + CodeWriter.Identifier(stack.Class.Name));
                Const(w, "StackName", stack.Name, "The compose project name.", stack.Class.Name);
                Const(w, "Domain", stack.Domain, "The domain every host derives from (after the DatamancyDomain override).", stack.Class.Name);
                Const(w, "PortalUrl", stack.PortalUrl, "The SSO portal.", stack.Class.Name);
                if (stack.ListsArtifacts)
                {
                    w.Line("/// <summary>The rendered artifacts per environment.</summary>");
                    w.Open("public static class Artifacts");
                    foreach (var group in index.Entries.GroupBy(e => e.Environment))
                    {
                        var className = char.ToUpperInvariant(group.Key[0]) + group.Key.Substring(1);
                        w.Line("/// <summary>The " + group.Key + " environment.</summary>");
                        w.Open("public static class " + className);
                        foreach (var entry in group)
                        {
                            w.Line("/// <summary>" + entry.Path + "</summary>");
                            w.Line("public const string " + entry.ConstantName + " = global::" + ManifestNamespace + "." + ManifestClass + ".Content" + entry.Index + ";");
                        }
                        w.Close();
                    }
                    w.Close();
                }
                w.Close();
                CloseNamespace(w, stack.Class.Namespace);
            }
            return SourceText.From(w.ToString(), System.Text.Encoding.UTF8);
        }

        /// <summary>
        /// One artifact's text as a constant of the manifest class, in a file of its own: as Roslyn's chunked text, read
        /// from the artifact's own string while it is escaped, so a large text is never copied into one buffer (a large
        /// object would bring the next full collection closer).
        /// </summary>
        public static SourceText Content(ManifestContent content)
        {
            var w = Header(CodeWriter.InPieces());
            w.Open("namespace " + ManifestNamespace);
            w.Open("internal static partial class " + ManifestClass);
            w.Line("/// <summary>The text of " + content.Path + ".</summary>");
            w.Constant("public const string Content" + content.Index, content.Content);
            w.Close();
            w.Close();
            var (reader, length) = w.Read();
            return SourceText.From(reader, checked((int)length), System.Text.Encoding.UTF8);
        }

        private static CodeWriter Header() => Header(new CodeWriter());

        private static CodeWriter Header(CodeWriter w) =>
            w.Line("// <auto-generated>Generated by Datamancy.Config from the stack's descriptors.</auto-generated>").Line("#nullable enable").Line();

        private static void Const(CodeWriter w, string name, string value, string summary, string? enclosing = null)
        {
            if (name == enclosing)
            {
                return; // a member cannot share its class's name (CS0542); the class keeps its name
            }
            w.Line("/// <summary>" + System.Security.SecurityElement.Escape(summary) + "</summary>");
            w.Line("public const string " + name + " = " + CodeWriter.Literal(value) + ";");
        }

        private static void OpenNamespace(CodeWriter w, string? ns)
        {
            if (ns is not null)
            {
                w.Open("namespace " + string.Join(".", ns.Split('.').Select(CodeWriter.Identifier)));
            }
        }

        private static void CloseNamespace(CodeWriter w, string? ns)
        {
            if (ns is not null)
            {
                w.Close();
            }
        }
    }
}
