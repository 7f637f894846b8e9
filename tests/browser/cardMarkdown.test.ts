/**
 * A card whose records are hostile, rendered by each markdown renderer an EHR might use (CommonMark, GFM,
 * showdown, markdown-it with linkify, remarkable with linkify, marked), each set up the most permissive way an
 * EHR could (raw HTML allowed, auto-linking on), then put in a page in Chromium as an EHR would show it:
 * summary, detail and the card's smart link. No script may run (each payload calls __hit(i) if it does) and
 * the only <a> on the page is the smart link. A control run with the raw text proves the check can fail.
 * Both kinds of card: the patient-view card (hostile Condition text) and the ordering card built from hostile
 * draft orders (the medicine's name, inline or in a contained Medication, in its summary and detail).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { HtmlRenderer, Parser } from "commonmark";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import showdown from "showdown";
import MarkdownIt from "markdown-it";
import { Remarkable } from "remarkable";
import { linkify } from "remarkable/linkify";
import { marked } from "marked";
import type { Evidence, Finding } from "../../src/engine/types";
import { SOURCE } from "../../src/knowledge";
import { cardDetail, cardSummary } from "../../cds/card";
import { readDraftOrders } from "../../cds/draftOrders";
import { orderCardDetail, orderCardSummary } from "../../cds/orderCard";
import { judgeDraftOrders } from "../../cds/orderHooks";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./stack";

const NOW = new Date("2026-11-26T12:00:00Z");
const SMART_LINK = "https://app.example.org/launch.html";

const RENDERERS: Record<string, (md: string) => string> = {
  commonmark: (md) => new HtmlRenderer({ safe: false }).render(new Parser().parse(md)),
  gfm: (md) => micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] }),
  showdown: (md) => new showdown.Converter({ simplifiedAutoLink: true, ghMentions: true, openLinksInNewWindow: true }).makeHtml(md),
  "markdown-it + linkify": (md) => new MarkdownIt({ html: true, linkify: true }).render(md),
  "remarkable + linkify": (md) => new Remarkable({ html: true }).use(linkify).render(md),
  marked: (md) => marked.parse(md, { async: false }),
};

/** Record text an attacker could put in a Condition or a medicine's name; HIT is replaced by a call to __hit(i). */
const PAYLOADS = [
  "<img src=x onerror=HIT>",
  "<script>HIT</script>",
  "<svg onload=HIT>",
  "<iframe src=\"javascript:parent.HIT\"></iframe>",
  "<details open ontoggle=HIT>x</details>",
  "<a href=\"javascript:HIT\">open</a>",
  "[click](javascript:HIT)",
  "![x](x\" onerror=\"HIT)",
  "<IMG SRC=x ONERROR=HIT>",
  "<img src=x onerror=HIT ",
  "\\<img src=x onerror=HIT\\>",
  "&lt;img src=x onerror=HIT&gt;",
  "&#60;img src=x onerror=HIT&#62;",
  "`<img src=x onerror=HIT>`",
  "<<img src=x onerror=HIT>>",
  "<style>body{display:none}</style><form action=https://evil.example><input></form>",
  "see https://evil.example/x and www.evil.example",
  "evil.example or b.i.d",
  "admin@evil.example and mailto:admin@evil.example",
  "<https://evil.example>",
  "http://localhost:8080/x and //localhost:8080/y",
  "http://127.0.0.2/latest/meta-data and 169.254.169.254",
  "[x]\n\n[x]: https://evil.example",
  "evil\u3002example and exa\u200bmple.com",
  "@mention",
  "Cramp\u202E sdrawkcab\u202C and \u2067x\u2069",
];

function evidence(i: number, text: string): Evidence {
  return {
    ref: `Condition/h${i}`,
    resourceType: "Condition",
    text,
    matched: { systemLabel: "SNOMED CT", code: "1" },
    matchedBy: "code",
    ruleId: "r",
    reason: "r",
    status: "current",
    current: true,
    dates: {},
  };
}

/** The card an EHR receives when payload `i` is the record's text (of the finding and of the leg-cramp record). */
function hostileCard(i: number, text: string): { summary: string; detail: string } {
  const finding: Finding = { causeId: "hypertension", label: "High blood pressure", kind: "condition", strength: "sometimes-linked", current: true, basis: "record", evidence: [evidence(i, text)] };
  return {
    summary: cardSummary([finding]),
    detail: cardDetail({ findings: [finding], legCramps: [{ ref: `Condition/c${i}`, text, matchedBy: "name", because: "active" }], patient: { deceased: false }, source: SOURCE, now: NOW }),
  };
}

const withHit = (text: string, i: number) => text.replaceAll("HIT", `__hit(${i})`);

const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

/**
 * The ordering card an EHR receives when payload `i` names the medicine of a draft order: furosemide 40 mg by
 * its RxNorm code (313988), named by the payload — inline (even payloads) or in a contained Medication (odd) —
 * judged by the service's own path (readDraftOrders, judgeDraftOrders), the leg-cramp record named by it too.
 */
async function hostileOrderCard(i: number, text: string): Promise<{ summary: string; detail: string }> {
  const concept = { coding: [{ system: RXNORM, code: "313988", display: text }], text };
  const order = {
    resourceType: "MedicationRequest",
    id: `d${i}`,
    status: "draft",
    intent: "order",
    subject: { reference: "Patient/p" },
    ...(i % 2 === 0 ? { medicationCodeableConcept: concept } : { contained: [{ resourceType: "Medication", id: "m", code: concept }], medicationReference: { reference: "#m", display: text } }),
  };
  const drafts = readDraftOrders({ draftOrders: { resourceType: "Bundle", type: "collection", entry: [{ resource: order }] } }, "order-sign", "p");
  const findings = await judgeDraftOrders(drafts, NOW);
  if (findings.length === 0) throw new Error(`payload ${i}: the draft order was not judged a linked medicine`);
  return {
    summary: orderCardSummary(findings),
    detail: orderCardDetail({ findings, legCramps: [{ ref: `Condition/c${i}`, text, matchedBy: "name", because: "active" }], source: SOURCE }),
  };
}

/** A page as an EHR shows cards: summary and detail rendered from markdown, and the smart link. */
function page(cards: { summary: string; detail: string }[], render: (md: string) => string): string {
  const sections = cards.map(
    (c, i) => `<section data-card="${i}"><h3>${render(c.summary)}</h3><div class="detail">${render(c.detail)}</div><a data-smart href="${SMART_LINK}">Open the night leg cramps panel</a></section>`,
  );
  return `<!doctype html><html><head><script>window.__hits = []; window.__hit = (i) => window.__hits.push(i);</script></head><body>${sections.join("\n")}</body></html>`;
}

interface PageCheck {
  hits: number[];
  links: string[];
  active: string[];
  handlers: string[];
  bidi: boolean;
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
});
afterAll(async () => {
  await browser?.close();
});

async function check(html: string): Promise<PageCheck> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  // Nothing leaves the page: an injected request would be refused, not sent.
  await context.route("**/*", (route) => route.abort());
  const p = await context.newPage();
  await p.setContent(html, { waitUntil: "load" });
  await p.waitForTimeout(300); // image errors, toggles and frames settle
  const result = await p.evaluate(() => ({
    hits: (window as unknown as { __hits: number[] }).__hits,
    links: [...document.querySelectorAll("a:not([data-smart])")].map((a) => a.outerHTML),
    active: [...document.querySelectorAll("body img, body script, body iframe, body svg, body object, body embed, body style, body form, body input, body details, body video, body audio, body link, body meta, body base")].map((e) => e.outerHTML),
    handlers: [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
    bidi: /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(document.body.innerText),
  }));
  await context.close();
  return result;
}

describe("card text is safe in every markdown renderer (Chromium)", () => {
  const viewCards = PAYLOADS.map((p, i) => hostileCard(i, withHit(p, i)));
  let orderCards: { summary: string; detail: string }[] = [];
  let cards = viewCards;
  beforeAll(async () => {
    orderCards = await Promise.all(PAYLOADS.map((p, i) => hostileOrderCard(i, withHit(p, i))));
    cards = [...viewCards, ...orderCards];
  });

  it.each(Object.keys(RENDERERS))("%s: no script runs, no link but the smart link, no active element, no bidi control", async (name) => {
    const render = RENDERERS[name]!;
    const result = await check(page(cards, render));
    expect(result.hits).toEqual([]);
    expect(result.links).toEqual([]);
    expect(result.active).toEqual([]);
    expect(result.handlers).toEqual([]);
    expect(result.bidi).toBe(false);
  });

  it("the records' words are still there, defanged (shown, not followed)", () => {
    const shown = cards.map((c) => `${c.summary}\n${c.detail}`).join("\n");
    expect(shown).toContain("https[://]evil[.]example/x");
    expect(shown).toContain("admin[@]evil[.]example");
    expect(shown).toContain("&lt;img src=x onerror=\\_\\_hit\\(0\\)&gt;");
  });

  it("the ordering cards carry the hostile medicine names, defanged, in summary and detail", () => {
    expect(orderCards).toHaveLength(PAYLOADS.length);
    const evil = PAYLOADS.indexOf("see https://evil.example/x and www.evil.example");
    expect(orderCards[evil]!.summary).toContain("https[://]evil[.]example/x");
    expect(orderCards[evil]!.detail).toContain("https[://]evil[.]example/x");
    const mail = PAYLOADS.indexOf("admin@evil.example and mailto:admin@evil.example");
    expect(orderCards[mail]!.detail).toContain("admin[@]evil[.]example");
    const bare = PAYLOADS.indexOf("evil.example or b.i.d"); // odd: a contained Medication's name
    expect(bare % 2).toBe(1);
    expect(orderCards[bare]!.summary).toContain("Evil[.]example or b[.]i[.]d"); // the summary capitalises the name
    expect(orderCards[bare]!.detail).toContain("evil[.]example or b[.]i[.]d");
    expect(orderCards[0]!.summary).toContain("&lt;img src=x onerror=\\_\\_hit\\(0\\)&gt;");
  });

  it("control: the same records unescaped do run script and make links (the check can fail)", async () => {
    const raw = PAYLOADS.map((p, i) => ({ summary: "x", detail: withHit(p, i) }));
    const showdownRaw = await check(page(raw, RENDERERS.showdown!));
    expect(showdownRaw.hits.length).toBeGreaterThan(0);
    const linkifyRaw = await check(page(raw, RENDERERS["markdown-it + linkify"]!));
    expect(linkifyRaw.links.some((l) => l.includes("evil.example"))).toBe(true);
  });
});
