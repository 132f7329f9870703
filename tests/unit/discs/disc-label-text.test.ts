import { describe, expect, it } from 'vitest';
import { discReadme, labelJson, labelText, type DiscLabelFacts } from '../../../src-main/core/discs/disc-label.js';

const facts: DiscLabelFacts = {
  unitName: '东城区城市管理综合行政执法局第三执法队',
  producer: '李秀英',
  // 16:30 UTC is half past midnight of the next day in Beijing: the label shows the unit's day.
  madeAt: '2026-11-25T16:30:00.000Z',
  zone: 'Asia/Shanghai',
  caseName: '王府井大街占道经营当事人拒不配合案',
  caseNumber: '东城管罚〔2026〕第0173号',
  reason: 'dispute',
  discId: 'D20261126-0007-2',
  volumeId: 'D20261126_0007_2',
  index: 2,
  of: 3,
  media: 'bd-r',
  files: 12,
  bytes: 4_123_456_789,
  imageSha256: null,
  imageBytes: null,
};
const built = { ...facts, imageSha256: 'ab'.repeat(32), imageBytes: 4_124_000_256 };

describe('LABEL.json', () => {
  it('parses back to the facts, with a fixed key order, two-space indent and a final newline', () => {
    const json = labelJson(facts);
    expect(JSON.parse(json)).toEqual(facts);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe(`  "unitName": "${facts.unitName}",`);
    const { imageBytes, imageSha256, unitName, ...rest } = built;
    const shuffled: DiscLabelFacts = { imageBytes, imageSha256, ...rest, unitName };
    expect(labelJson(shuffled)).toBe(labelJson(built));
    expect(Object.keys(JSON.parse(labelJson(shuffled)) as object)).toEqual(Object.keys(facts));
  });
});

describe('标签.txt', () => {
  it('has every Art. 16 field, the disc n of m and the two copies, in LF lines', () => {
    const text = labelText(facts);
    for (const line of [
      `制作单位：${facts.unitName}`,
      `制作人：${facts.producer}`,
      '制作时间：2026-11-26 00:30',
      `案件名称：${facts.caseName}`,
      `案件编号：${facts.caseNumber}`,
      '保存原因：当事人对现场执法有异议，可能引起投诉或信访',
      '光盘：第 2 张，共 3 张',
      `光盘编号：${facts.discId}`,
      '介质：BD-R',
      '文件：12 个，共 4,123,456,789 字节',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).toContain('一式两份');
    expect(text).not.toContain('\r');
    // Inside the image the hash cannot be known: the text sends the reader to the printed label.
    expect(text).toContain('见打印的光盘标签');
    expect(labelText(built)).toContain(`镜像 SHA-256：${built.imageSha256}（4,124,000,256 字节）`);
  });

  it('prints each reason in the regulation\'s words', () => {
    expect(labelText({ ...facts, reason: 'obstruction' })).toContain('保存原因：当事人逃避、拒绝或阻碍执法，或辱骂、侮辱、殴打执法人员');
    expect(labelText({ ...facts, reason: 'major' })).toContain('保存原因：其他重大、敏感案件');
  });
});

describe('README.txt of a disc', () => {
  const readme = discReadme({ ...facts, manifestName: 'MANIFEST.sha256', signoffIngests: ['ING-1', 'ING-2'], hasCustodyReport: true });

  it('says in Chinese, then English, what is on the disc and the standard commands that check it', () => {
    const english = readme.indexOf('On this disc:');
    expect(readme.indexOf('光盘内容：')).toBeGreaterThan(-1);
    expect(readme.indexOf('光盘内容：')).toBeLessThan(english);
    for (const part of ['data/<导入批次>/', 'data/<ingestId>/', 'custody-report.pdf', 'LABEL.json', '标签.txt', 'signoffs/<ingestId>/']) expect(readme).toContain(part);
    expect(readme.match(/^ {4}sha256sum -c MANIFEST\.sha256$/gm)).toHaveLength(2);
    expect(readme.match(/^ {4}xorriso -md5 on -indev \/dev\/sr0 -check_md5_r FAILURE \/ --$/gm)).toHaveLength(2);
    for (const id of ['ING-1', 'ING-2']) {
      const verify = `    openssl pkeyutl -verify -pubin -inkey signoffs/${id}/signer.pem -rawin -in signoffs/${id}/signoff.json -sigfile signoffs/${id}/signoff.sig`;
      expect(readme.split('\n').filter((line) => line === verify)).toHaveLength(2);
    }
    // The image's size is not known inside the image: the reader takes it from the label.
    expect(readme).toContain('    head -c BYTES /dev/sr0 | sha256sum');
  });

  it('names the size and the hash when they are known, and leaves out what the disc does not hold', () => {
    const known = discReadme({ ...built, manifestName: 'MANIFEST.sha256', signoffIngests: [], hasCustodyReport: false });
    expect(known).toContain('    head -c 4124000256 /dev/sr0 | sha256sum');
    expect(known).toContain(`It must print ${built.imageSha256}`);
    expect(known).not.toContain('custody-report.pdf');
    expect(known).not.toContain('openssl');
    expect(known).toContain('No ingest on this disc has a sign-off yet.');
  });
});
