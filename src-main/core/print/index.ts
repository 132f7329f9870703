// Printed office forms (PDF) in Chinese: one small module over the PDF library.
export { PdfForm, type Column } from './pdf-form.js';
// Printed matter that is not a form (disc labels) draws on a pdfkit document this module opens and saves.
export { openPdf, savePdf } from './pdf-file.js';
