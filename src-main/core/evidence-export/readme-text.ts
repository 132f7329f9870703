/** README.txt of a package, in Chinese and English: how anyone can check it without the station. */
export function readmeText(exportInfo: { exportId: string; stationName: string; madeAt: string; signoffIngests: readonly string[]; approval: boolean }): string {
  const lines = [
    `执法音像记录证据导出包 ${exportInfo.exportId}`,
    `导出工作站：${exportInfo.stationName}　导出时间：${exportInfo.madeAt}`,
    '',
    '本包为 BagIt 格式。data/ 下为原始归档文件，逐字节复制，未作任何改动。',
    '',
    '一、校验文件完整性（Linux / macOS，在本文件夹内执行）：',
    '    sha256sum -c manifest-sha256.txt',
    '  每一行应显示“成功”（OK）。任何文件被改动都会显示“失败”（FAILED）。',
    '  tagmanifest-sha256.txt 同样保护本包的说明文件：sha256sum -c tagmanifest-sha256.txt',
    '',
    '二、核验负责人签字（签名为 Ed25519，公钥随包附带）：',
  ];
  const verify = (id: string) =>
    `    openssl pkeyutl -verify -pubin -inkey signoffs/${id}/signer.pem -rawin -in signoffs/${id}/signoff.json -sigfile signoffs/${id}/signoff.sig`;
  if (exportInfo.signoffIngests.length === 0) lines.push('  本包所含导入批次尚无签字文件。');
  for (const id of exportInfo.signoffIngests) lines.push(verify(id));
  lines.push('  应显示 Signature Verified Successfully。');
  const approval = '    openssl pkeyutl -verify -pubin -inkey approver.pem -rawin -in approval.json -sigfile approval.sig';
  if (exportInfo.approval) lines.push('', '三、核验单位主要领导的导出审批（涉密录像）：', approval);
  lines.push(
    '',
    'custody-report.pdf 为保管链报告：每个文件的大小、SHA-256、设备、使用人、领用与归还时间、导入经过、校验方式、时钟偏差、发现的问题、签字情况及审计记录。',
    '',
    '----------------------------------------------------------------',
    '',
    `Evidence export package ${exportInfo.exportId}, made on station ${exportInfo.stationName} at ${exportInfo.madeAt}.`,
    '',
    'This is a BagIt bag. data/ holds the original archived files, copied byte for byte, unchanged.',
    '',
    '1. Check every file (Linux / macOS, inside this folder):',
    '    sha256sum -c manifest-sha256.txt',
    '  Every line must say OK; a file changed in any way says FAILED.',
    '  tagmanifest-sha256.txt protects the other files of the package the same way: sha256sum -c tagmanifest-sha256.txt',
    '',
    "2. Check the lead's sign-off (Ed25519; the public key is in the package):",
  );
  if (exportInfo.signoffIngests.length === 0) lines.push('  No ingest in this package has a sign-off yet.');
  for (const id of exportInfo.signoffIngests) lines.push(verify(id));
  lines.push('  It must print "Signature Verified Successfully".');
  if (exportInfo.approval) lines.push('', "3. Check the head's approval to export confidential recordings:", approval);
  lines.push(
    '',
    'custody-report.pdf is the chain-of-custody report: each file with its size, SHA-256, device, officer, check-out and check-in, how and by whom it was ingested and verified, clock drift, findings, sign-offs and the audit rows about it.',
    '',
  );
  return lines.join('\n');
}
