import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../src-renderer/i18n/en.json' with { type: 'json' };
import zh from '../../src-renderer/i18n/zh-CN.json' with { type: 'json' };
import { signedDecisionInput } from '../../src-renderer/components/signed-decision.js';
import { lookup } from './renderer-fixtures.js';

/** The shared dialog and the four places that sign with it (sign-off, work record, export approval, disc request). */
const dialogs = [
  'src-renderer/components/SignedDecisionDialog.tsx',
  'src-renderer/features/signoff/DecideDialog.tsx',
  'src-renderer/features/workrecords/WorkRecordDecideDialog.tsx',
  'src-renderer/features/custody/ApprovalDecideDialog.tsx',
  'src-renderer/features/discs/DiscDecideDialog.tsx',
];

describe('a signed decision', () => {
  it('refuses a rejection without a reason and any decision without the password', () => {
    expect(signedDecisionInput('rejected', '   ', '')).toEqual({ ok: false, problems: ['reason-needed', 'password-needed'] });
    expect(signedDecisionInput('approved', '', '')).toEqual({ ok: false, problems: ['password-needed'] });
    expect(signedDecisionInput('rejected', '', 'pw')).toEqual({ ok: false, problems: ['reason-needed'] });
  });

  it('sends the trimmed reason, leaves an empty note out, and carries the password only in the input', () => {
    expect(signedDecisionInput('rejected', ' 时间不对 ', 'pw')).toEqual({ ok: true, input: { decision: 'rejected', reason: '时间不对', password: 'pw' } });
    expect(signedDecisionInput('approved', '  ', 'pw')).toEqual({ ok: true, input: { decision: 'approved', password: 'pw' } });
    expect(signedDecisionInput('approved', ' 已核对 ', 'pw')).toEqual({ ok: true, input: { decision: 'approved', reason: '已核对', password: 'pw' } });
  });

  it('never puts the password anywhere that outlives the page', () => {
    for (const file of dialogs) expect(readFileSync(file, 'utf8')).not.toMatch(/localStorage|sessionStorage|document\.cookie/);
  });

  it('finds every text each place passes in both languages', () => {
    // The keys sit in each place's `texts`, not in t('…') calls the locale test finds; the command names are no keys.
    const keys = dialogs.slice(1).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(run\()?'([A-Za-z]+(?:\.[\w-]+)+)'/g)].filter((match) => match[1] === undefined).map((match) => match[2] ?? ''),
    );
    expect(keys.length).toBeGreaterThanOrEqual(4 * 5);
    expect(keys.filter((key) => typeof lookup(zh, key) !== 'string' || typeof lookup(en, key) !== 'string')).toEqual([]);
  });
});
