// Evidence export (issue 9): a checkable BagIt package of original files with their custody report.
export { evidenceExportModule } from './export-module.js';
