import type PDFDocument from 'pdfkit';
import { chineseFont, type FontChoice } from './cjk-font.js';
import { savePdf } from './pdf-file.js';

export interface Column {
  title: string;
  width: number;
  /** Hashes and sizes are set in a fixed-width face so they read and compare digit by digit. */
  mono?: boolean;
}

export interface FormLayout {
  /** A wide table (the ledger) prints across the page. */
  orientation?: 'portrait' | 'landscape';
  margin?: number;
  /** The footer of every page, e.g. 第 1 页，共 3 页: a loose page is put back in its place. */
  pageNumber?: (page: number, pages: number) => string;
}

export interface TableOptions {
  /** Sizes of the cells' and the headings' text (7 and 9 pt): a wide table needs smaller. */
  cellSize?: number;
  headerSize?: number;
  /** Said in the table's place when it has no rows, so an empty form is not mistaken for a cut one. */
  empty?: string;
}

interface FormInfo {
  title: string;
  subject: string;
}

const bodySize = 9;

/**
 * A printed office form (A4): a title, labelled facts, a table, signature lines. pdfkit stays
 * behind this one module, so another PDF library could take its place.
 *
 * The form is written down as it is built and drawn only in save(), where pdfkit is loaded: pdfkit
 * with its fonts costs about 50 ms of CPU to load, which every start of the station would pay.
 * What is passed in (rows, labels) is drawn as it stands at save().
 */
export class PdfForm {
  // Looked for at once, so a station without a Chinese font fails where the form is made, as before.
  private readonly font = chineseFont();
  private readonly steps: ((pages: FormPages) => void)[] = [];

  constructor(
    private readonly info: FormInfo,
    private readonly layout: FormLayout = {},
  ) {}

  title(text: string, subtitle: string): this {
    return this.add((pages) => pages.title(text, subtitle));
  }

  facts(rows: readonly [string, string][]): this {
    return this.add((pages) => pages.facts(rows));
  }

  /** A table whose heading row is printed again at the top of every page it runs onto. */
  table(columns: readonly Column[], rows: readonly string[][], options: TableOptions = {}): this {
    return this.add((pages) => pages.table(columns, rows, options));
  }

  signatures(labels: readonly string[]): this {
    return this.add((pages) => pages.signatures(labels));
  }

  /** Written beside the target and renamed into place: a failed print leaves no half a file. */
  async save(path: string): Promise<void> {
    const { default: PDFKitDocument } = await import('pdfkit');
    const pages = new FormPages(PDFKitDocument, this.font, this.info, this.layout);
    for (const step of this.steps) step(pages);
    await pages.save(path);
  }

  private add(step: (pages: FormPages) => void): this {
    this.steps.push(step);
    return this;
  }
}

/** The form drawn on pdfkit's pages. */
class FormPages {
  private readonly doc: PDFKit.PDFDocument;
  private readonly margin: number;
  private readonly pageNumber: FormLayout['pageNumber'];

  constructor(
    PDFKitDocument: typeof PDFDocument,
    font: FontChoice,
    info: FormInfo,
    layout: FormLayout,
  ) {
    this.margin = layout.margin ?? 48;
    this.pageNumber = layout.pageNumber;
    // Page numbers need the page count, known only at the end: keep the pages until then.
    this.doc = new PDFKitDocument({
      size: 'A4',
      layout: layout.orientation ?? 'portrait',
      margin: this.margin,
      bufferPages: this.pageNumber !== undefined,
    });
    this.doc.info.Title = info.title;
    this.doc.info.Subject = info.subject;
    this.doc.registerFont('body', font.path, font.family);
    this.doc.font('body').fontSize(bodySize);
  }

  title(text: string, subtitle: string): void {
    this.doc.font('body').fontSize(16).text(text, { align: 'center' });
    this.doc.fontSize(10).fillColor('#555').text(subtitle, { align: 'center' }).fillColor('black');
    this.doc.moveDown(1).fontSize(bodySize);
  }

  facts(rows: readonly [string, string][]): void {
    const labelWidth = 150;
    for (const [label, value] of rows) {
      const height = Math.max(this.doc.heightOfString(label, { width: labelWidth }), this.doc.heightOfString(value, { width: this.contentWidth - labelWidth }));
      this.breakIfNeeded(height);
      const top = this.doc.y;
      this.doc.font('body').text(label, this.margin, top, { width: labelWidth });
      this.doc.text(value, this.margin + labelWidth, top, { width: this.contentWidth - labelWidth });
      this.doc.y = top + height + 2;
    }
    this.doc.moveDown(0.8);
  }

  table(columns: readonly Column[], rows: readonly string[][], options: TableOptions): void {
    const sizes = { cell: options.cellSize ?? 7, header: options.headerSize ?? bodySize };
    const heightOf = (cells: readonly string[], header: boolean) =>
      Math.max(...cells.map((cell, i) => this.cellHeight(cell, columns[i]!, header ? sizes.header : sizes.cell, header))) + 4;
    const drawRow = (cells: readonly string[], header: boolean) => {
      const height = heightOf(cells, header);
      const top = this.doc.y;
      let x = this.margin;
      cells.forEach((cell, i) => {
        const column = columns[i]!;
        this.setFace(column, header ? sizes.header : sizes.cell, header);
        this.doc.text(cell, x + 2, top + 2, { width: column.width - 4 });
        x += column.width;
      });
      this.doc.moveTo(this.margin, top + height).lineTo(x, top + height).lineWidth(0.3).stroke('#999');
      this.doc.y = top + height;
      this.doc.font('body').fontSize(bodySize);
    };
    const headings = columns.map((column) => column.title);
    const headerHeight = heightOf(headings, true);
    const firstRow = rows[0];
    // The heading never stands alone at the foot of a page.
    this.breakIfNeeded(headerHeight + (firstRow ? heightOf(firstRow, false) : 2 * bodySize));
    drawRow(headings, true);
    if (!firstRow && options.empty !== undefined) {
      this.doc.text(options.empty, this.margin, this.doc.y + 4, { width: this.contentWidth, align: 'center' });
    }
    for (const row of rows) {
      if (this.breakIfNeeded(heightOf(row, false))) drawRow(headings, true);
      drawRow(row, false);
    }
    this.doc.moveDown(1);
  }

  signatures(labels: readonly string[]): void {
    this.breakIfNeeded(labels.length * 34);
    for (const label of labels) {
      this.doc.moveDown(1.6);
      const y = this.doc.y;
      this.doc.text(label, this.margin, y, { width: 220 });
      this.doc.moveTo(this.margin + 220, y + 11).lineTo(this.margin + this.contentWidth, y + 11).lineWidth(0.5).stroke('black');
    }
  }

  async save(path: string): Promise<void> {
    this.numberPages();
    await savePdf(this.doc, path);
  }

  private numberPages(): void {
    if (!this.pageNumber) return;
    const { start, count } = this.doc.bufferedPageRange();
    for (let page = start; page < start + count; page++) {
      this.doc.switchToPage(page);
      // Text in the bottom margin would make pdfkit start a new page: lift the margin while writing.
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('body')
        .fontSize(8)
        .text(this.pageNumber(page - start + 1, count), this.margin, this.doc.page.height - bottom / 2 - 4, { width: this.contentWidth, align: 'center' });
      this.doc.page.margins.bottom = bottom;
    }
  }

  private get contentWidth(): number {
    return this.doc.page.width - 2 * this.margin;
  }

  private setFace(column: Column, size: number, header: boolean): void {
    if (column.mono && !header) this.doc.font('Courier').fontSize(6);
    else this.doc.font('body').fontSize(size);
  }

  private cellHeight(text: string, column: Column, size: number, header: boolean): number {
    this.setFace(column, size, header);
    const height = this.doc.heightOfString(text, { width: column.width - 4 });
    this.doc.font('body').fontSize(bodySize);
    return height;
  }

  /** Starts a new page when `height` no longer fits on this one; says whether it did. */
  private breakIfNeeded(height: number): boolean {
    if (this.doc.y + height <= this.doc.page.height - this.margin) return false;
    this.doc.addPage();
    return true;
  }
}
