// Interruption work records (停录工作记录, Art. 12): the officer's account of a pause, the head's signed decision, filing.
export { workRecordsModule, type WorkRecordsModule } from './work-records-module.js';
