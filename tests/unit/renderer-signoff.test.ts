import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SignoffReview, SignoffState, type SignoffEntry } from '../../src-main/contract/index.js';
import { pendingFirst, rejection } from '../../src-renderer/features/signoff/signoff-view.js';

const entry = (ingestId: string, state: SignoffEntry['state'], startedAt: string): SignoffEntry => ({
  ingestId,
  state,
  signer: state === 'pending' ? null : '王队长',
  signedAt: state === 'pending' ? null : '2026-12-06T03:00:00.000Z',
  reason: state === 'rejected' ? '缺少领用记录' : null,
  operator: '李文员',
  device: 'DSJ-A1 (SN1)',
  startedAt,
  finishedAt: startedAt,
  files: 2,
  findingCount: 0,
});

describe('the sign-off list', () => {
  it('puts the imports waiting for a decision first, newest first within each part', () => {
    const sorted = pendingFirst([
      entry('a', 'approved', '2026-12-06T05:00:00.000Z'),
      entry('b', 'pending', '2026-12-05T05:00:00.000Z'),
      entry('c', 'rejected', '2026-12-04T05:00:00.000Z'),
      entry('d', 'pending', '2026-12-06T01:00:00.000Z'),
    ]);
    expect(sorted.map((row) => row.ingestId)).toEqual(['d', 'b', 'a', 'c']);
  });
});

describe('a rejected import', () => {
  it('shows the latest rejection, with who rejected it and why', () => {
    const item = (decision: 'approved' | 'rejected', reason: string | null, signedAt: string) => ({
      ingestId: 'i1',
      decision,
      signer: '王队长',
      signedAt,
      statementSha256: signedAt,
      reason,
      keyId: 'k1',
    });
    const history = [item('rejected', '旧理由', '2026-12-01T00:00:00Z'), item('rejected', '新理由', '2026-12-02T00:00:00Z')];
    expect(rejection({ state: 'rejected', history })).toEqual({ reason: '新理由', signer: '王队长', signedAt: '2026-12-02T00:00:00Z' });
    expect(rejection({ state: 'pending', history: [] })).toBeNull();
  });
});

describe('the sign-off words', () => {
  const zh = JSON.parse(readFileSync('src-renderer/i18n/zh-CN.json', 'utf8')) as { signoff: Record<string, Record<string, string>> };
  const en = JSON.parse(readFileSync('src-renderer/i18n/en.json', 'utf8')) as typeof zh;
  it('name every state and every reason not to sign, in both languages', () => {
    for (const words of [zh, en]) {
      expect(SignoffState.options.filter((state) => !words.signoff.state?.[state])).toEqual([]);
      expect(SignoffReview.shape.cannotSign.unwrap().options.filter((reason) => !words.signoff.cannotSign?.[reason])).toEqual([]);
    }
  });
});
