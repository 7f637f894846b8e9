/** Issue 14 item 11: a server's smart_style_url origin (styleOrigins) reaches connect-src, checked like authOrigins. */
import { describe, expect, it } from "vitest";
import { buildCsp, cspOrigins } from "../../server/csp";
import { parseConfig } from "../../src/fhir/config";

const config = (server: Record<string, unknown>) =>
  parseConfig({ clientId: "c", scope: "launch", servers: [{ name: "Oracle", iss: "https://fhir-ehr.example.com/r4/t1", ...server }] });

describe("styleOrigins in the CSP", () => {
  it("each listed style origin is allowed in connect-src", () => {
    const csp = buildCsp(config({ styleOrigins: ["https://styles.example.net"] }), { loopback: false });
    const connect = csp.split("; ").find((d) => d.startsWith("connect-src "))!;
    expect(connect.split(" ")).toEqual(["connect-src", "'self'", "https://fhir-ehr.example.com", "https://styles.example.net"]);
  });

  it("a style origin that is not a plain origin is skipped and reported, never copied into the policy", () => {
    const { connect, warnings } = cspOrigins(config({ styleOrigins: ["https://styles.example.net/path", "*", "https://ok.example"] }));
    expect(connect).toEqual(["https://fhir-ehr.example.com", "https://ok.example"]);
    expect(warnings).toHaveLength(2);
    expect(warnings.join(" ")).toMatch(/styleOrigins\[0\]/);
  });
});
