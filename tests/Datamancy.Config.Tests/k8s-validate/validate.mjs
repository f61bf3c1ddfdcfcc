// Validates Kubernetes manifests offline against the official OpenAPI schemas bundled by kubernetes-models.
// Input: a JSON file (argv[2]) holding an array of { file, manifest } objects.
// Output: one line per manifest ("ok FILE KIND/NAME" or "invalid FILE KIND/NAME: reason"); exit 1 if any is invalid.
import { readFileSync } from "node:fs";

const entries = JSON.parse(readFileSync(process.argv[2], "utf8"));
let invalid = 0;
for (const { file, manifest } of entries) {
  const label = `${file} ${manifest?.kind}/${manifest?.metadata?.name}`;
  try {
    if (typeof manifest?.apiVersion !== "string" || typeof manifest?.kind !== "string") {
      throw new Error("apiVersion and kind are required");
    }
    const module = await import(`kubernetes-models/${manifest.apiVersion}/${manifest.kind}`);
    const Model = module[manifest.kind];
    if (typeof Model !== "function") {
      throw new Error(`no model for ${manifest.apiVersion} ${manifest.kind}`);
    }
    new Model(manifest).validate();
    console.log(`ok ${label}`);
  } catch (error) {
    invalid++;
    console.log(`invalid ${label}: ${String(error?.message ?? error).replace(/\s+/g, " ")}`);
  }
}
process.exit(invalid === 0 ? 0 : 1);
