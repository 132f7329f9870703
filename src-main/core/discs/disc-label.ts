import { DateTime } from 'luxon';
import type { DiscMedia, DiscReason } from '../../contract/index.js';

/**
 * What a disc's label says (Art. 16: 制作单位、制作人、制作时间、执法活动或案件名称及编号), and what the
 * disc is. The same facts go into the image (LABEL.json, 标签.txt, README.txt) and onto the printed
 * label; only the printed label also names the copy, since both copies are burned from one image.
 */
export interface DiscLabelFacts {
  /** 制作单位 */
  unitName: string;
  /** 制作人: who planned and burned the disc. */
  producer: string;
  /** 制作时间: the disc's planning time, ISO with an offset. */
  madeAt: string;
  /** The IANA zone the time is printed in. */
  zone: string;
  caseName: string;
  caseNumber: string;
  reason: DiscReason;
  discId: string;
  volumeId: string;
  /** Disc `index` of `of` (1-based). */
  index: number;
  of: number;
  media: DiscMedia;
  files: number;
  bytes: number;
  /** Null inside the image itself: an image cannot hold its own hash. */
  imageSha256: string | null;
  /** The image's size: how many bytes to read back from the disc to check the hash. Null as above. */
  imageBytes: number | null;
}

export interface DiscReadmeFacts extends DiscLabelFacts {
  manifestName: 'MANIFEST.sha256';
  /** The ingests whose sign-off is on the disc, under signoffs/<ingestId>/. */
  signoffIngests: readonly string[];
  hasCustodyReport: boolean;
}

/** Art. 16's three reasons in the regulation's words: (1), (2), (3). */
export const discReasonText: Readonly<Record<DiscReason, string>> = {
  dispute: '当事人对现场执法有异议，可能引起投诉或信访',
  obstruction: '当事人逃避、拒绝或阻碍执法，或辱骂、侮辱、殴打执法人员',
  major: '其他重大、敏感案件',
};

export const discMediaText: Readonly<Record<DiscMedia, string>> = {
  'cd-r': 'CD-R',
  'dvd+r': 'DVD+R',
  'dvd-r': 'DVD-R',
  'dvd+r-dl': 'DVD+R DL',
  'bd-r': 'BD-R',
  'bd-r-dl': 'BD-R DL',
};

/** 制作时间 as people write it: the local wall clock of the unit's zone, to the minute. */
export function labelTime(facts: Pick<DiscLabelFacts, 'madeAt' | 'zone'>): string {
  const at = DateTime.fromISO(facts.madeAt).setZone(facts.zone);
  if (!at.isValid) throw new Error(`not a time to print: ${facts.madeAt} in ${facts.zone}`);
  return at.toFormat('yyyy-MM-dd HH:mm');
}

/** 第 1 张，共 3 张 */
export const discOrdinal = (facts: Pick<DiscLabelFacts, 'index' | 'of'>): string => `第 ${facts.index} 张，共 ${facts.of} 张`;

/** 1234567 → 1,234,567: byte counts are compared digit by digit. */
export const groupedDigits = (n: number): string => n.toLocaleString('en-US');

/** LABEL.json: every fact under a fixed key order, so two builds of the same disc write the same bytes. */
export function labelJson(facts: DiscLabelFacts): string {
  const ordered: DiscLabelFacts = {
    unitName: facts.unitName,
    producer: facts.producer,
    madeAt: facts.madeAt,
    zone: facts.zone,
    caseName: facts.caseName,
    caseNumber: facts.caseNumber,
    reason: facts.reason,
    discId: facts.discId,
    volumeId: facts.volumeId,
    index: facts.index,
    of: facts.of,
    media: facts.media,
    files: facts.files,
    bytes: facts.bytes,
    imageSha256: facts.imageSha256,
    imageBytes: facts.imageBytes,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The image's hash as the label gives it, or why it is not there. */
function imageLine(facts: DiscLabelFacts): string {
  if (facts.imageSha256 === null) return '镜像 SHA-256：见打印的光盘标签（光盘镜像无法包含自身的校验值）';
  const size = facts.imageBytes === null ? '' : `（${groupedDigits(facts.imageBytes)} 字节）`;
  return `镜像 SHA-256：${facts.imageSha256}${size}`;
}

/** 标签.txt: the label's words in Chinese, one fact a line (LF, UTF-8). */
export function labelText(facts: DiscLabelFacts): string {
  return [
    '执法音像记录长期保存光盘',
    `制作单位：${facts.unitName}`,
    `制作人：${facts.producer}`,
    `制作时间：${labelTime(facts)}`,
    `案件名称：${facts.caseName}`,
    `案件编号：${facts.caseNumber}`,
    `保存原因：${discReasonText[facts.reason]}`,
    `光盘：${discOrdinal(facts)}`,
    `光盘编号：${facts.discId}`,
    `卷标：${facts.volumeId}`,
    `介质：${discMediaText[facts.media]}`,
    `文件：${facts.files} 个，共 ${groupedDigits(facts.bytes)} 字节`,
    imageLine(facts),
    '份数：一式两份（副本 A、副本 B 由同一镜像刻录，内容逐字节相同；打印的标签注明副本）',
    '',
  ].join('\n');
}

/** The whole-disc check: the image's extent read back and hashed, against the label. */
function imageCheck(facts: DiscLabelFacts): { command: string; bytesKnown: boolean } {
  const bytes = facts.imageBytes === null ? 'BYTES' : String(facts.imageBytes);
  return { command: `    head -c ${bytes} /dev/sr0 | sha256sum`, bytesKnown: facts.imageBytes !== null };
}

/** README.txt on the disc, in Chinese then English: what is on it and how to check it with standard tools only. */
export function discReadme(facts: DiscReadmeFacts): string {
  const manifest = facts.manifestName;
  const verify = (id: string) =>
    `    openssl pkeyutl -verify -pubin -inkey signoffs/${id}/signer.pem -rawin -in signoffs/${id}/signoff.json -sigfile signoffs/${id}/signoff.sig`;
  const md5 = '    xorriso -md5 on -indev /dev/sr0 -check_md5_r FAILURE / --';
  const image = imageCheck(facts);
  const hash = facts.imageSha256 ?? '';
  const lines = [
    `执法音像记录长期保存光盘 ${facts.discId}（${discOrdinal(facts)}）`,
    `制作单位：${facts.unitName}　制作人：${facts.producer}　制作时间：${labelTime(facts)}`,
    `案件名称：${facts.caseName}　案件编号：${facts.caseNumber}`,
    `保存原因：${discReasonText[facts.reason]}`,
    '本光盘一式两份（副本 A、副本 B），两份由同一镜像刻录，内容逐字节相同，打印的标签注明副本。',
    '',
    '光盘内容：',
    '  data/<导入批次>/…      原始录像文件，逐字节复制，未作任何改动',
    `  ${manifest}       每个文件的 SHA-256`,
  ];
  if (facts.signoffIngests.length > 0) lines.push('  signoffs/<导入批次>/   负责人签字：signoff.json（签字声明）、signoff.sig（签名）、signer.pem（公钥）');
  if (facts.hasCustodyReport) lines.push('  custody-report.pdf     保管链报告');
  lines.push(
    '  LABEL.json、标签.txt   标签内容（制作单位、制作人、制作时间、案件名称及编号、第几张）',
    '',
    '一、校验文件（Linux / macOS：挂载或将光盘复制到硬盘后，在光盘根目录执行）：',
    `    sha256sum -c ${manifest}`,
    '  每一行应显示“成功”（OK）。任何文件被改动都会显示“失败”（FAILED）。',
    '',
    '二、用刻录时记录的 MD5 校验光盘上的每个文件（光驱为 /dev/sr0 时）：',
    md5,
    '  应无 FAILURE 报告。',
    '',
    '三、核验负责人签字（Ed25519，公钥随盘附带）：',
  );
  if (facts.signoffIngests.length === 0) lines.push('  本光盘所含导入批次尚无签字文件。');
  for (const id of facts.signoffIngests) lines.push(verify(id));
  if (facts.signoffIngests.length > 0) lines.push('  应显示 Signature Verified Successfully。');
  lines.push('', '四、校验整张光盘：读出镜像长度的数据，与标签上印的镜像 SHA-256 比较：', image.command);
  lines.push(image.bytesKnown ? `  应显示 ${hash}` : '  BYTES 为标签上印的镜像字节数；结果应与标签上印的 SHA-256 相同。');
  lines.push(
    '',
    '----------------------------------------------------------------',
    '',
    `Long-term preservation disc ${facts.discId} (disc ${facts.index} of ${facts.of}) of law-enforcement audio and video recordings.`,
    `Made by ${facts.unitName}, producer ${facts.producer}, at ${labelTime(facts)} (${facts.zone}).`,
    `Case: ${facts.caseName}, number ${facts.caseNumber}. Kept because of Art. 16 (${facts.reason}).`,
    'Two copies (A and B) are burned from one image and are identical bit for bit; the printed label says which copy it is.',
    '',
    'On this disc:',
    '  data/<ingestId>/...   the original recordings, copied byte for byte, unchanged',
    `  ${manifest}       the SHA-256 of every file`,
  );
  if (facts.signoffIngests.length > 0) lines.push("  signoffs/<ingestId>/  the lead's sign-off: signoff.json (statement), signoff.sig (signature), signer.pem (public key)");
  if (facts.hasCustodyReport) lines.push('  custody-report.pdf    the chain-of-custody report');
  lines.push(
    '  LABEL.json, 标签.txt  the label: unit, producer, time, case name and number, disc n of m',
    '',
    '1. Check every file (Linux / macOS; mount the disc or copy it to a hard disk, then in its top folder):',
    `    sha256sum -c ${manifest}`,
    '  Every line must say OK; a file changed in any way says FAILED.',
    '',
    '2. Check every file against the MD5 recorded when the disc was made (drive /dev/sr0):',
    md5,
    '  It must report no FAILURE.',
    '',
    "3. Check the lead's sign-off (Ed25519; the public key is on the disc):",
  );
  if (facts.signoffIngests.length === 0) lines.push('  No ingest on this disc has a sign-off yet.');
  for (const id of facts.signoffIngests) lines.push(verify(id));
  if (facts.signoffIngests.length > 0) lines.push('  It must print "Signature Verified Successfully".');
  lines.push('', '4. Check the whole disc: read back the length of the image and compare with the SHA-256 printed on the label:', image.command);
  lines.push(image.bytesKnown ? `  It must print ${hash}` : '  BYTES is the image size printed on the label; the result must equal the SHA-256 printed on the label.');
  lines.push('');
  return lines.join('\n');
}
