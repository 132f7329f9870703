/**
 * What an officer reads on screen, spelled out here rather than read from the locale files:
 * a key renamed or a translation lost must fail the test.
 */
export interface ScreenTexts {
  lang: 'zh-CN' | 'en';
  nav: { import: string; recordings: string; ingests: string };
  start: string;
  sourceMissing: string;
  completed: string;
  skipped: string;
  litterReason: string;
  archivedTotal: string;
  filesOf(done: number, total: number): string;
  recordingsTotal(n: number): string;
  video: string;
  photo: string;
  hashesMatch: string;
  verification: readonly string[];
  ingestCompleted: string;
  showFiles: string;
}

export const zhCN: ScreenTexts = {
  lang: 'zh-CN',
  nav: { import: '导入', recordings: '录像', ingests: '导入记录' },
  start: '开始导入',
  sourceMissing: '找不到该文件夹：请检查路径是否正确，或重新接入设备',
  completed: '导入完成',
  skipped: '已跳过',
  litterReason: '操作系统产生的文件，不是证据',
  archivedTotal: '已归档',
  filesOf: (done, total) => `${done} / ${total}`,
  recordingsTotal: (n) => `共 ${n} 条`,
  video: '视频',
  photo: '照片',
  hashesMatch: '一致',
  verification: ['绕过缓存回读', '经缓存回读'],
  ingestCompleted: '已完成',
  showFiles: '查看文件',
};

export const english: ScreenTexts = {
  lang: 'en',
  nav: { import: 'Import', recordings: 'Recordings', ingests: 'Imports' },
  start: 'Start import',
  sourceMissing: 'The folder cannot be found: check the path, or attach the device again',
  completed: 'Import complete',
  skipped: 'skipped',
  litterReason: 'operating-system file, not evidence',
  archivedTotal: 'Archived',
  filesOf: (done, total) => `${done} of ${total}`,
  recordingsTotal: (n) => `${n} in total`,
  video: 'video',
  photo: 'photo',
  hashesMatch: 'match',
  verification: ['read back bypassing the page cache', 'read back through the page cache'],
  ingestCompleted: 'completed',
  showFiles: 'Show files',
};
