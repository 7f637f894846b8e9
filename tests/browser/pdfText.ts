/** The text of each page of a PDF (pdfjs-dist, in Node): how the print tests read what Chromium printed. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: pdf, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(
        content.items
          .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
          .join("")
          .replace(/[ \t]+/g, " "),
      );
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
