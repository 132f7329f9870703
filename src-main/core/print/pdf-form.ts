import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { chineseFont } from './cjk-font.js';

export interface Column {
  title: string;
  width: number;
  /** Hashes and sizes are set in a fixed-width face so they read and compare digit by digit. */
  mono?: boolean;
}

const margin = 48;
const bodySize = 9;

/**
 * A printed office form (A4): a title, labelled facts, a table, signature lines. pdfkit stays
 * behind this one module, so another PDF library could take its place.
 */
export class PdfForm {
  private readonly doc = new PDFDocument({ size: 'A4', margin, bufferPages: false });
  private readonly font = chineseFont();

  constructor(info: { title: string; subject: string }) {
    this.doc.info.Title = info.title;
    this.doc.info.Subject = info.subject;
    this.doc.registerFont('body', this.font.path, this.font.family);
    this.doc.font('body').fontSize(bodySize);
  }

  title(text: string, subtitle: string): this {
    this.doc.font('body').fontSize(16).text(text, { align: 'center' });
    this.doc.fontSize(10).fillColor('#555').text(subtitle, { align: 'center' }).fillColor('black');
    this.doc.moveDown(1).fontSize(bodySize);
    return this;
  }

  facts(rows: readonly [string, string][]): this {
    const labelWidth = 150;
    for (const [label, value] of rows) {
      const height = Math.max(this.doc.heightOfString(label, { width: labelWidth }), this.doc.heightOfString(value, { width: this.contentWidth - labelWidth }));
      this.breakIfNeeded(height);
      const top = this.doc.y;
      this.doc.font('body').text(label, margin, top, { width: labelWidth });
      this.doc.text(value, margin + labelWidth, top, { width: this.contentWidth - labelWidth });
      this.doc.y = top + height + 2;
    }
    this.doc.moveDown(0.8);
    return this;
  }

  table(columns: readonly Column[], rows: readonly string[][]): this {
    const drawRow = (cells: readonly string[], header: boolean) => {
      const heights = cells.map((cell, i) => this.cellHeight(cell, columns[i]!));
      const height = Math.max(...heights) + 4;
      this.breakIfNeeded(height);
      const top = this.doc.y;
      let x = margin;
      cells.forEach((cell, i) => {
        const column = columns[i]!;
        this.setFace(column, header);
        this.doc.text(cell, x + 2, top + 2, { width: column.width - 4 });
        x += column.width;
      });
      this.doc.moveTo(margin, top + height).lineTo(margin + this.contentWidth, top + height).lineWidth(0.3).stroke('#999');
      this.doc.y = top + height;
      this.doc.font('body').fontSize(bodySize);
    };
    drawRow(columns.map((column) => column.title), true);
    for (const row of rows) drawRow(row, false);
    this.doc.moveDown(1);
    return this;
  }

  signatures(labels: readonly string[]): this {
    this.breakIfNeeded(labels.length * 34);
    for (const label of labels) {
      this.doc.moveDown(1.6);
      const y = this.doc.y;
      this.doc.text(label, margin, y, { width: 220 });
      this.doc.moveTo(margin + 220, y + 11).lineTo(margin + this.contentWidth, y + 11).lineWidth(0.5).stroke('black');
    }
    return this;
  }

  /** Written beside the target and renamed into place: a failed print leaves no half a file. */
  async save(path: string): Promise<void> {
    const partial = `${path}.writing`;
    const out = createWriteStream(partial);
    this.doc.pipe(out);
    this.doc.end();
    try {
      await finished(out);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  private get contentWidth(): number {
    return this.doc.page.width - 2 * margin;
  }

  private setFace(column: Column, header: boolean): void {
    if (column.mono && !header) this.doc.font('Courier').fontSize(6);
    else this.doc.font('body').fontSize(header ? bodySize : 7);
  }

  private cellHeight(text: string, column: Column): number {
    this.setFace(column, false);
    const height = this.doc.heightOfString(text, { width: column.width - 4 });
    this.doc.font('body').fontSize(bodySize);
    return height;
  }

  private breakIfNeeded(height: number): void {
    if (this.doc.y + height > this.doc.page.height - margin) this.doc.addPage();
  }
}
