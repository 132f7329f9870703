// Printed office forms (PDF) in Chinese: one small module over the PDF library.
export { NoChineseFontError } from './cjk-font.js';
export { PdfForm, type Column } from './pdf-form.js';
