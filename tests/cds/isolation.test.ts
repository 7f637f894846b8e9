/**
 * The service stays out of the app: nothing under src/ imports the service, jose or the Node fhirclient
 * entry, so none of it can reach the browser bundle; and the service reaches the data layer through one
 * adapter file only (cds/fetchRecords.ts), so the lead adapts one file when the data layer changes.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../cds/config";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

const imports = (file: string) => [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);

describe("isolation", () => {
  it("src/ never imports jose or the CDS service", () => {
    for (const file of files(path.join(REPO_ROOT, "src"))) {
      for (const spec of imports(file)) {
        expect(spec, path.relative(REPO_ROOT, file)).not.toMatch(/^jose(\/|$)|(^|\/)cds\//);
      }
    }
  });

  it("only cds/fetchRecords.ts uses the data layer's loading modules", () => {
    const dataLayer = /src\/fhir\/(load|medications|search|request|scopes|errors)(\.ts)?$/;
    const users = files(path.join(REPO_ROOT, "cds")).filter((f) => imports(f).some((s) => dataLayer.test(s)));
    expect(users.map((f) => path.relative(REPO_ROOT, f))).toEqual(["cds/fetchRecords.ts"]);
  });
});
