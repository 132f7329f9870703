import type { BitMatrix } from 'qrcode';
import type { DiscCopyName } from '../../contract/index.js';
import { openPdf, savePdf } from '../print/index.js';
import { discMediaText, discOrdinal, discReasonText, groupedDigits, labelTime, type DiscLabelFacts } from './disc-label.js';

const mm = 72 / 25.4;
/** A disc's face: 120 mm across, a 15 mm hole, and a clamping hub of about 41 mm that takes no print. */
const disc = { radius: 60 * mm, hole: 7.5 * mm, hub: 20.5 * mm, printable: 57 * mm };
/** The sleeve insert: the square of a CD/DVD paper sleeve or jewel case. */
const sleeve = { side: 120 * mm, padding: 7 * mm, qr: 34 * mm };
const page = { discTop: 14 * mm, sleeveTop: 146 * mm, footer: 276 * mm };
const outline = '#888';

type Face = 'body' | 'Courier';

/**
 * The label PDF of one disc (Art. 16: 一式两份): an A4 page for copy A and one for copy B, each with
 * the round disc-face label and the square sleeve insert. The copies are one image burned twice, so
 * the copy letter is the only thing that differs between the two pages.
 */
export async function writeDiscLabelPdf(facts: DiscLabelFacts, path: string): Promise<void> {
  // Loaded here, not at the top, like pdfkit: qrcode's load would cost every start of the station.
  // No margins: every line is placed by hand, and pdfkit must never start a page on its own.
  const [doc, { default: QRCode }] = await Promise.all([openPdf({ size: 'A4', margin: 0, autoFirstPage: false }), import('qrcode')]);
  // The code carries the image's hash, the same on both copies; none before the image is made.
  const qr = facts.imageSha256 === null ? null : QRCode.create(JSON.stringify({ discId: facts.discId, sha256: facts.imageSha256 }), { errorCorrectionLevel: 'L' }).modules;
  doc.info.Title = `光盘标签 ${facts.discId}`;
  doc.info.Subject = 'Disc label and sleeve insert, copies A and B (Art. 16)';
  for (const copy of ['A', 'B'] as const) {
    doc.addPage();
    drawDiscFace(doc, facts, copy);
    drawSleeve(doc, facts, copy, qr);
    doc
      .font('body')
      .fontSize(7)
      .fillColor('#555')
      .text(`副本 ${copy}　沿外圆和中心孔剪下光盘面标签，沿方框剪下封套插页。两份副本由同一镜像刻录，标签仅副本字母不同。`, 20 * mm, page.footer, {
        width: doc.page.width - 40 * mm,
        align: 'center',
        lineBreak: false,
      })
      .fillColor('black');
  }
  await savePdf(doc, path);
}

/**
 * One line of text centred at `x`, set at `size` or smaller down to `minSize` until it fits `width`;
 * past that it is cut with an ellipsis (the sleeve still carries it in full).
 */
function fittedLine(doc: PDFKit.PDFDocument, text: string, face: Face, size: number, x: number, y: number, width: number, minSize = 5): void {
  let setSize = size;
  doc.font(face).fontSize(setSize);
  while (doc.widthOfString(text) > width && setSize > minSize) doc.fontSize((setSize -= 0.5));
  let shown = text;
  while (doc.widthOfString(shown) > width && shown.length > 1) shown = `${shown.slice(0, -2)}…`;
  const shownWidth = doc.widthOfString(shown);
  doc.text(shown, x - shownWidth / 2, y - setSize / 2, { lineBreak: false });
}

/** The width a line may take at `dy` from the disc's centre and stay inside the printable ring. */
function ringWidth(dy: number, size: number): number {
  const far = Math.abs(dy) + size * 0.7;
  return 2 * Math.sqrt(Math.max(0, disc.printable ** 2 - far ** 2)) - 2 * mm;
}

function drawDiscFace(doc: PDFKit.PDFDocument, facts: DiscLabelFacts, copy: DiscCopyName): void {
  const cx = doc.page.width / 2;
  const cy = page.discTop + disc.radius;
  // The cut lines (outer edge, hole) solid; the hub, which takes no print, dashed.
  doc.lineWidth(0.4).strokeColor(outline);
  doc.circle(cx, cy, disc.radius).stroke();
  doc.circle(cx, cy, disc.hole).stroke();
  doc.circle(cx, cy, disc.hub).dash(2, { space: 2 }).stroke().undash();
  doc.fillColor('black');

  // Lines above and below the hub, each kept within the ring where it stands.
  const line = (text: string, face: Face, size: number, dyMm: number) => {
    const dy = dyMm * mm;
    fittedLine(doc, text, face, size, cx, cy + dy, ringWidth(dy, size));
  };
  line('执法音像记录长期保存光盘', 'body', 7, -50);
  line(facts.unitName, 'body', 11, -43);
  line(facts.caseName, 'body', 9, -35.5);
  line(`案件编号：${facts.caseNumber}`, 'body', 8, -28.5);
  line(discOrdinal(facts), 'body', 9, 27.5);
  line(`制作时间：${labelTime(facts)}`, 'body', 8, 34.5);
  line(facts.discId, 'Courier', 8, 41.5);
  line(`卷标 ${facts.volumeId}`, 'body', 6, 48);

  // Either side of the hub: the copy, which is what tells the two discs apart, large.
  const side = (disc.printable + disc.hub) / 2;
  const sideWidth = disc.printable - disc.hub - 4 * mm;
  fittedLine(doc, `副本 ${copy}`, 'body', 16, cx - side, cy, sideWidth);
  fittedLine(doc, '一式两份', 'body', 10, cx + side, cy, sideWidth);
}

/** Crop marks just outside each corner of a square, for the guillotine. */
function cropMarks(doc: PDFKit.PDFDocument, x: number, y: number, side: number): void {
  const gap = 2 * mm;
  const length = 5 * mm;
  doc.lineWidth(0.3).strokeColor('black');
  for (const [cornerX, cornerY, sx, sy] of [
    [x, y, -1, -1],
    [x + side, y, 1, -1],
    [x, y + side, -1, 1],
    [x + side, y + side, 1, 1],
  ] as const) {
    doc.moveTo(cornerX + sx * gap, cornerY).lineTo(cornerX + sx * (gap + length), cornerY).stroke();
    doc.moveTo(cornerX, cornerY + sy * gap).lineTo(cornerX, cornerY + sy * (gap + length)).stroke();
  }
}

function drawSleeve(doc: PDFKit.PDFDocument, facts: DiscLabelFacts, copy: DiscCopyName, qr: BitMatrix | null): void {
  const x0 = (doc.page.width - sleeve.side) / 2;
  const y0 = page.sleeveTop;
  doc.lineWidth(0.4).strokeColor(outline).rect(x0, y0, sleeve.side, sleeve.side).stroke();
  cropMarks(doc, x0, y0, sleeve.side);
  doc.fillColor('black');

  const left = x0 + sleeve.padding;
  const width = sleeve.side - 2 * sleeve.padding;
  const top = y0 + sleeve.padding;
  doc.font('body').fontSize(11).text('执法音像记录长期保存光盘', left, top, { lineBreak: false });
  doc.fontSize(14);
  const copyText = `副本 ${copy}`;
  doc.text(copyText, left + width - doc.widthOfString(copyText), top - 2, { lineBreak: false });
  const ruleY = top + 18;
  doc.lineWidth(0.5).strokeColor('black').moveTo(left, ruleY).lineTo(left + width, ruleY).stroke();

  const rows: [string, string][] = [
    ['制作单位', facts.unitName],
    ['制作人', facts.producer],
    ['制作时间', `${labelTime(facts)}（${facts.zone}）`],
    ['案件名称', facts.caseName],
    ['案件编号', facts.caseNumber],
    ['保存原因', discReasonText[facts.reason]],
    ['份数', `一式两份，本张为副本 ${copy}`],
    ['光盘', discOrdinal(facts)],
    ['光盘编号', facts.discId],
    ['卷标', facts.volumeId],
    ['介质', discMediaText[facts.media]],
    ['文件', `${facts.files} 个，共 ${groupedDigits(facts.bytes)} 字节`],
    ['镜像大小', facts.imageBytes === null ? '镜像尚未生成' : `${groupedDigits(facts.imageBytes)} 字节`],
  ];
  // The hash and the QR code take the foot of the square; the facts get what is above, shrinking
  // their type for a long case name rather than running into the code.
  const footTop = y0 + sleeve.side - sleeve.padding - sleeve.qr;
  factsTable(doc, rows, left, ruleY + 5, width, footTop - 3 * mm);
  drawHashFoot(doc, facts, qr, left, footTop, width);
}

function factsTable(doc: PDFKit.PDFDocument, rows: readonly [string, string][], left: number, top: number, width: number, bottom: number): void {
  const labelWidth = 16 * mm;
  const valueWidth = width - labelWidth;
  const heightAt = (size: number) => {
    doc.font('body').fontSize(size);
    return rows.reduce((sum, [, value]) => sum + doc.heightOfString(value, { width: valueWidth }) + 1.5, 0);
  };
  let size = 8;
  while (size > 5 && top + heightAt(size) > bottom) size -= 0.5;
  doc.font('body').fontSize(size);
  let y = top;
  for (const [label, value] of rows) {
    doc.fillColor('#444').text(label, left, y, { width: labelWidth, lineBreak: false }).fillColor('black');
    doc.text(value, left + labelWidth, y, { width: valueWidth });
    y += doc.heightOfString(value, { width: valueWidth }) + 1.5;
  }
}

function drawHashFoot(doc: PDFKit.PDFDocument, facts: DiscLabelFacts, qr: BitMatrix | null, left: number, top: number, width: number): void {
  const textWidth = width - sleeve.qr - 3 * mm;
  doc.font('body').fontSize(8).text('镜像 SHA-256', left, top + 2 * mm, { lineBreak: false });
  if (facts.imageSha256 === null || qr === null) {
    doc.text('镜像尚未生成：生成光盘镜像后请重新打印本标签，届时印上镜像的 SHA-256 和二维码。', left, top + 7 * mm, { width: textWidth });
    return;
  }
  // The full hash in two halves, set in a fixed-width face so it reads digit by digit.
  const half = facts.imageSha256.length / 2;
  doc.font('Courier').fontSize(9);
  doc.text(facts.imageSha256.slice(0, half), left, top + 7 * mm, { lineBreak: false });
  doc.text(facts.imageSha256.slice(half), left, top + 11 * mm, { lineBreak: false });
  doc
    .font('body')
    .fontSize(6)
    .fillColor('#444')
    .text('二维码：光盘编号与镜像完整 SHA-256（JSON）。', left, top + 17 * mm, { width: textWidth })
    .text('整盘校验：head -c 镜像字节数 /dev/sr0 | sha256sum', { width: textWidth })
    .fillColor('black');
  drawQr(doc, qr, left + width - sleeve.qr, top, sleeve.qr);
}

/** A QR code drawn as vector modules (no bitmap to blur), with its four-module quiet zone inside `side`. */
function drawQr(doc: PDFKit.PDFDocument, modules: BitMatrix, x: number, y: number, side: number): void {
  const quiet = 4;
  const cell = side / (modules.size + 2 * quiet);
  doc.fillColor('black');
  for (let row = 0; row < modules.size; row += 1) {
    // Runs of dark modules as one rectangle: no hairline seams between neighbours when rendered.
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill();
}
