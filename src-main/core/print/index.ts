// Printed office forms (PDF) in Chinese: one small module over the PDF library.
export { PdfForm, type Column } from './pdf-form.js';
