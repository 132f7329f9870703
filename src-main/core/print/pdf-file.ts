import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { chineseFont } from './cjk-font.js';

/**
 * A blank pdfkit document with the Chinese font registered as `body`, for printed matter drawn by
 * hand (disc labels). pdfkit is loaded here, not at the top: it costs about 70 ms of CPU to load,
 * which every start of the station would pay. The font is looked for first, so a station without
 * one is told so before anything is loaded.
 */
export async function openPdf(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const font = chineseFont();
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument(options);
  doc.registerFont('body', font.path, font.family);
  return doc;
}

/** Ends the document into `path`, written beside and renamed into place: a failed print leaves no half a file. */
export async function savePdf(doc: PDFKit.PDFDocument, path: string): Promise<void> {
  const partial = `${path}.writing`;
  const out = createWriteStream(partial);
  doc.pipe(out);
  doc.end();
  try {
    await finished(out);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
