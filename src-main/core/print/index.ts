// Printed office forms (PDF) in Chinese: one small module over the PDF library.
export { PdfForm, type Column } from './pdf-form.js';
// Printed matter that is not a form (disc labels) draws on pdfkit itself, with the same Chinese font.
export { chineseFont, type FontChoice } from './cjk-font.js';
