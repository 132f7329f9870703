import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../src-renderer/i18n/en.json' with { type: 'json' };
import zh from '../../src-renderer/i18n/zh-CN.json' with { type: 'json' };
import { Confidentiality, ExportApproval } from '../../src-main/contract/index.js';
import {
  approvalRequestId,
  classifies,
  decidesExports,
  exportInput,
  exports,
  levelKey,
  levels,
  lowers,
} from '../../src-renderer/features/custody/custody-view.js';
import { lookup, signedIn } from './renderer-fixtures.js';

describe('confidentiality levels', () => {
  it('cover the contract in order, and name each in both languages', () => {
    expect([...levels]).toEqual(Confidentiality.options);
    expect(levels.map((level) => lookup(zh, levelKey(level)))).toEqual(['无', '个人隐私', '商业秘密', '国家秘密']);
    for (const level of levels) expect(typeof lookup(en, levelKey(level))).toBe('string');
  });

  it('know a lowering from a raise', () => {
    expect(lowers('state-secret', 'personal-privacy')).toBe(true);
    expect(lowers('commercial-secret', 'none')).toBe(true);
    expect(lowers('none', 'state-secret')).toBe(false);
    expect(lowers('personal-privacy', 'personal-privacy')).toBe(false);
  });

  it('offer the level control to clerk, lead and head, the export to exporters, and the approvals to the head alone', () => {
    expect(classifies(signedIn('clerk'))).toBe(true);
    expect(classifies(signedIn('officer'))).toBe(false);
    expect(classifies(signedIn('auditor'))).toBe(false);
    expect(exports(signedIn('auditor'))).toBe(true);
    expect(exports(signedIn('officer'))).toBe(false);
    expect(decidesExports(signedIn('head'))).toBe(true);
    expect(decidesExports(signedIn('lead', 'clerk'))).toBe(false);
  });
});

describe('the export dialog', () => {
  it('needs the output folder and leaves an empty purpose out', () => {
    expect(exportInput({ recordingIds: [3] }, '  ', false, '')).toEqual({ ok: false, problems: ['out-needed'] });
    expect(exportInput({ recordingIds: [3] }, ' /srv/out ', true, '  ')).toEqual({ ok: true, input: { recordingIds: [3], out: '/srv/out', zip: true } });
    expect(exportInput({ ingestId: 'i1' }, 'D:\\证据', false, ' 投诉 12 ')).toEqual({ ok: true, input: { ingestId: 'i1', out: 'D:\\证据', zip: false, purpose: '投诉 12' } });
  });

  it('reads the approval request the core filed from its refusal', () => {
    const message = 'approval request 7 filed: the head approves it with `station export approve 7`';
    expect(approvalRequestId({ code: 'approval-needed', message })).toBe(7);
    expect(approvalRequestId({ code: 'approval-needed', message: 'approval 12 was used by another export meanwhile' })).toBe(12);
    expect(approvalRequestId({ code: 'approval-needed', message: 'no number' })).toBeNull();
    expect(approvalRequestId({ code: 'forbidden', message })).toBeNull();
  });
});

describe('the approvals', () => {
  it('names every approval state', () => {
    for (const state of ExportApproval.shape.state.options) {
      expect(typeof lookup(zh, `approvals.states.${state}`)).toBe('string');
      expect(typeof lookup(en, `approvals.states.${state}`)).toBe('string');
    }
  });
});

describe('a masked recording', () => {
  it('asks for no thumbnail: the station refuses it', () => {
    const thumbnail = readFileSync('src-renderer/features/recordings/RecordingThumbnail.tsx', 'utf8');
    expect(thumbnail).toMatch(/!recording\.masked \? recording\.id : null/);
  });
});
