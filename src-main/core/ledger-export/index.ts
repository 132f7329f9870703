// The device ledger (台账) exported: an .xlsx workbook to work with, a landscape PDF to print and sign.
// exceljs stays behind this module, pdfkit behind the print module.
export { writeLedgerPdf } from './ledger-pdf.js';
export { writeLedgerXlsx } from './ledger-xlsx.js';
export type { LedgerExportHeader } from './ledger-words.js';
