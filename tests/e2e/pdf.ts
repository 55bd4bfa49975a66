import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The printed guide of a language as the build writes it (src/build/pdf.ts). */
export const guidePdf = (lang: string) => `dist/guide-${lang}.pdf`;

export type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

export function openPdf(file: string): Promise<PdfDocument> {
  return getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
}

/** A run of text as pdf.js reads it: the string and where it stands (PDF points, origin bottom left). */
export interface PdfText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The text runs of one page (1-based), in the order the page draws them. */
export async function pageTexts(pdf: PdfDocument, n: number): Promise<PdfText[]> {
  const content = await (await pdf.getPage(n)).getTextContent();
  return content.items.flatMap((item) =>
    'str' in item
      ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height }]
      : [],
  );
}

/**
 * The text of each page as a reader would copy it: runs joined as drawn, a line break where pdf.js
 * sees one. A space is in it only where the PDF draws one (pdf.js adds none between runs here).
 */
export async function pagesText(pdf: PdfDocument): Promise<string[]> {
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  return pages;
}

/** One row of `pdffonts` (poppler-utils): a font the PDF embeds, or names without embedding. */
export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** The fonts of a PDF as `pdffonts` lists them; its columns are as wide as the header's dashes. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trimEnd().split('\n');
  const widths = lines[1]!.split(' ').map((dashes) => dashes.length);
  return lines.slice(2).map((line) => {
    const cells: string[] = [];
    let at = 0;
    for (const width of widths) {
      cells.push(line.slice(at, at + width).trim());
      at += width + 1;
    }
    return { name: cells[0]!, type: cells[1]!, embedded: cells[3] === 'yes', subset: cells[4] === 'yes' };
  });
}
