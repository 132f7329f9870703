import { describe, expect, it } from 'vitest';
import en from '../../src-renderer/i18n/en.json' with { type: 'json' };
import zh from '../../src-renderer/i18n/zh-CN.json' with { type: 'json' };
import {
  DiscCopyState,
  DiscMedia,
  DiscPhase,
  DiscReason,
  DiscRequestState,
  mediaCapacity,
  type DiscRequest,
} from '../../src-main/contract/index.js';
import {
  copyActions,
  discMedia,
  discPhases,
  discReasons,
  discRequestInput,
  driveSpec,
  emptyRequest,
  isDiscStaff,
  mayDecideDisc,
  mayPlan,
  mayRequestDisc,
  mediaCapacities,
  parseRecordingIds,
  queueOrder,
} from '../../src-renderer/features/discs/disc-view.js';
import { parseMonths } from '../../src-renderer/features/settings/settings-form.js';
import { lookup, signedIn } from './renderer-fixtures.js';

const han = /\p{Script=Han}/u;

describe('the disc page words', () => {
  it('name every reason, state, copy state, medium and step of the contract in both languages', () => {
    const keys = [
      ...DiscReason.options.map((reason) => `discs.reason.${reason}`),
      ...DiscRequestState.options.map((state) => `discs.state.${state}`),
      ...DiscCopyState.options.map((state) => `discs.copyState.${state}`),
      ...DiscMedia.options.map((media) => `discs.mediaName.${media}`),
      ...DiscPhase.options.map((phase) => `discs.phase.${phase}`),
      ...['image', 'md5', 'manifest'].map((check) => `discs.check.${check}`),
      'app.nav.discs',
      'settings.unitName',
      'settings.discRecheckMonths',
      'settings.errors.wholeMonths',
      'settings.errors.rangeMonths',
    ];
    expect(keys.filter((key) => typeof lookup(zh, key) !== 'string' || typeof lookup(en, key) !== 'string')).toEqual([]);
    expect(DiscReason.options.filter((reason) => !han.test(String(lookup(zh, `discs.reason.${reason}`))))).toEqual([]);
    expect(lookup(zh, 'discs.copyState.image-only')).toBe('图像待刻');
    expect(lookup(en, 'discs.copyState.image-only')).toBe('Image only');
    // English says "import" where the code says ingest.
    const texts = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as Record<string, unknown>).flatMap(texts));
    expect(texts(lookup(en, 'discs')).filter((text) => /ingest/i.test(text))).toEqual([]);
  });

  it('list the contract values in its order, and the media with the contract capacities', () => {
    expect([...discReasons]).toEqual(DiscReason.options);
    expect([...discPhases]).toEqual(DiscPhase.options);
    expect(discMedia).toEqual(DiscMedia.options);
    expect(mediaCapacities).toEqual(mediaCapacity);
  });
});

describe('the request form', () => {
  it('parses recording ids typed with any separator, and refuses anything else', () => {
    expect(parseRecordingIds('12, 13，14、 15 12')).toEqual([12, 13, 14, 15]);
    expect(parseRecordingIds('')).toBeNull();
    expect(parseRecordingIds('12, x')).toBeNull();
  });

  it('sends exactly one source, the reason and the trimmed case', () => {
    const values = { ...emptyRequest(), caseNumber: ' 2026-041 ', caseName: ' 张某阻碍执法案 ' };
    expect(discRequestInput(values).errors).toEqual({ source: 'discs.errors.ingest' });
    expect(discRequestInput({ ...values, ingestId: 'ing-1', reason: 'obstruction' }).input).toEqual({
      ingestId: 'ing-1',
      reason: 'obstruction',
      caseNumber: '2026-041',
      caseName: '张某阻碍执法案',
    });
    expect(discRequestInput({ ...values, kind: 'recordings', recordingIds: '3,4' }).input).toMatchObject({ recordingIds: [3, 4] });
    expect(discRequestInput({ ...values, kind: 'checkout', checkoutId: '7' }).input).toMatchObject({ checkoutId: 7 });
    expect(discRequestInput({ ...emptyRequest(), ingestId: 'ing-1' }).errors).toEqual({ caseNumber: 'discs.errors.caseNumber', caseName: 'discs.errors.caseName' });
    for (const key of ['ingest', 'recordings', 'checkout', 'caseNumber', 'caseName']) expect(typeof lookup(zh, `discs.errors.${key}`)).toBe('string');
  });

  it('sends a typed path as a file used as the drive', () => {
    expect(driveSpec({ kind: 'file', path: ' /tmp/a.iso ' })).toBe('stdio:/tmp/a.iso');
    expect(driveSpec({ kind: 'file', path: 'stdio:/dev/loop0' })).toBe('stdio:/dev/loop0');
    expect(driveSpec({ kind: 'file', path: ' ' })).toBeNull();
    expect(driveSpec({ kind: 'device', device: '/dev/sr0' })).toBe('/dev/sr0');
    expect(driveSpec({ kind: 'device', device: '' })).toBeNull();
  });
});

describe('who may do what', () => {
  it('lets the lead decide, the head alone where footage is confidential, and the disc staff plan', () => {
    const open = { state: 'requested', confidentiality: 'none' } as const;
    const secret = { state: 'requested', confidentiality: 'personal-privacy' } as const;
    expect(mayDecideDisc(open, signedIn('lead'))).toBe(true);
    expect(mayDecideDisc(open, signedIn('clerk'))).toBe(false);
    expect(mayDecideDisc(secret, signedIn('lead'))).toBe(false);
    expect(mayDecideDisc(secret, signedIn('head'))).toBe(true);
    expect(mayDecideDisc({ ...open, state: 'approved' }, signedIn('lead'))).toBe(false);
    expect(mayPlan({ state: 'approved' }, signedIn('clerk'))).toBe(true);
    expect(mayPlan({ state: 'burning' }, signedIn('clerk'))).toBe(false);
    expect(mayPlan({ state: 'approved' }, signedIn('officer'))).toBe(false);
    expect(isDiscStaff(signedIn('auditor'))).toBe(false);
    expect(mayRequestDisc(signedIn('officer'))).toBe(true);
    expect(mayRequestDisc(signedIn('auditor'))).toBe(false);
  });

  it('offers a burn before a copy is verified, storing after, and a re-check of a burned copy', () => {
    expect(copyActions({ state: 'planned' })).toEqual({ burn: true, verify: false, store: false });
    expect(copyActions({ state: 'image-only' })).toEqual({ burn: true, verify: false, store: false });
    expect(copyActions({ state: 'verified' })).toEqual({ burn: false, verify: true, store: true });
    expect(copyActions({ state: 'stored' })).toEqual({ burn: false, verify: true, store: true });
    expect(copyActions({ state: 'burning' })).toEqual({ burn: false, verify: false, store: false });
  });

  it('shows the requests waiting on someone first, rejected ones last', () => {
    const request = (requestId: number, state: DiscRequest['state'], requestedAt: string) => ({ requestId, state, requestedAt }) as DiscRequest;
    const order = queueOrder([request(1, 'stored', '2026-01-01'), request(2, 'rejected', '2026-01-03'), request(3, 'requested', '2026-01-02'), request(4, 'planned', '2026-01-04')]);
    expect(order.map((r) => r.requestId)).toEqual([3, 4, 1, 2]);
  });
});

describe('the disc re-check interval setting', () => {
  it('takes whole months within the contract bounds', () => {
    expect(parseMonths(' 12 ', 1, 48)).toEqual({ ok: true, value: 12 });
    expect(parseMonths('0', 1, 48)).toEqual({ ok: false, error: 'settings.errors.rangeMonths' });
    expect(parseMonths('1.5', 1, 48)).toEqual({ ok: false, error: 'settings.errors.wholeMonths' });
  });
});
