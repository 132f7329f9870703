import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  ActivityCategory,
  CheckoutState,
  AuditProblemKind,
  DeviceStatus,
  DeviceType,
  DriftBasis,
  errorCauses,
  errorCodes,
  FileStatus,
  Finding,
  IngestProgress,
  InterruptionReason,
  MediaKind,
  ProblemCode,
  ReasonCode,
  RecognitionMethod,
  ReturnCondition,
  Role,
  VerificationMethod,
  VolumeState,
  WorkRecordState,
} from '../../src-main/contract/index.js';
import { describeDrift, driftKey } from '../../src-renderer/format/drift.js';
import { errorKey, problemKey, reasonKey, timeSourceKey } from '../../src-renderer/format/reason.js';
import { outcomes } from '../../src-renderer/features/ingests/outcome.js';
import { preUseChecks } from '../../src-renderer/features/ledger/checkout-form.js';
import { knownActions } from '../../src-renderer/features/audit/audit-words.js';

const rendererDir = join(import.meta.dirname, '../../src-renderer');
const localeFiles = { 'zh-CN': 'zh-CN.json', en: 'en.json' } as const;
type Locale = keyof typeof localeFiles;

/** Nested JSON as `a.b.c` → value; anything that is not an object or a string is kept to be reported. */
function flatten(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      for (const [inner, leaf] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(inner, leaf);
    }
  } else out.set(prefix, node);
  return out;
}

const locales = Object.fromEntries(
  Object.entries(localeFiles).map(([locale, file]) => [
    locale,
    flatten(JSON.parse(readFileSync(join(rendererDir, 'i18n', file), 'utf8'))),
  ]),
) as Record<Locale, Map<string, unknown>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('renderer locale files', () => {
  it('have the same keys in Chinese and English', () => {
    const zh = [...locales['zh-CN'].keys()].sort();
    const en = [...locales.en.keys()].sort();
    expect(zh.filter((key) => !locales.en.has(key))).toEqual([]);
    expect(en.filter((key) => !locales['zh-CN'].has(key))).toEqual([]);
    expect(zh.length).toBeGreaterThan(50);
  });

  it('have no empty or non-text values', () => {
    for (const [locale, entries] of Object.entries(locales)) {
      const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad.map(([key]) => `${locale}:${key}`)).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...locales['zh-CN']].filter(
      ([key, zh]) => placeholders(String(zh)).join() !== placeholders(String(locales.en.get(key))).join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('hold every key the interface asks for by name', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(rendererDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !locales['zh-CN'].has(key))).toEqual([]);
  });

  it('name every value of the contract the interface shows', () => {
    const expected = [
      ...errorCodes.map((code) => `errors.${code}`),
      ...FileStatus.options.map((status) => `fileStatus.${status}`),
      ...outcomes.map((outcome) => `outcome.summary.${outcome}`),
      ...outcomes.map((outcome) => `outcome.badge.${outcome}`),
      ...MediaKind.options.map((kind) => `kinds.${kind}`),
      ...VerificationMethod.options.map((method) => `verification.${method}`),
      ...IngestProgress.shape.phase.options.map((phase) => `phase.${phase}`),
      ...ReasonCode.options.map(reasonKey),
      ...DeviceType.options.map((type) => `deviceType.${type}`),
      ...DeviceStatus.options.map((status) => `deviceStatus.${status}`),
      ...Role.options.map((role) => `roles.${role}`),
      ...CheckoutState.options.map((state) => `checkoutState.${state}`),
      ...ActivityCategory.options.map((category) => `activityCategory.${category}`),
      ...ReturnCondition.options.map((condition) => `returnCondition.${condition}`),
      ...preUseChecks.map((check) => `checkout.checks.${check}`),
      ...knownActions.map((action) => `auditAction.${action}`),
      ...AuditProblemKind.options.map((problem) => `auditProblem.${problem}`),
      ...VolumeState.options.map((state) => `volumeState.${state}`),
      ...InterruptionReason.options.map((reason) => `workRecords.reason.${reason}`),
      ...WorkRecordState.options.map((state) => `workRecords.state.${state}`),
      'volumeState.removed',
      ...RecognitionMethod.unwrap().options.map((how) => `recognition.${how}`),
      ...DriftBasis.unwrap().options.map((basis) => `drift.basis.${basis}`),
      ...Finding.options.map((option) => `findings.${option.shape.kind.value}`),
      ...[137, -137, 0.2, null].flatMap((seconds) =>
        [...DriftBasis.unwrap().options, null].map((basis) => driftKey(describeDrift(seconds, basis))),
      ),
    ];
    expect(expected.filter((key) => !locales['zh-CN'].has(key))).toEqual([]);
  });

  it('say what the verification method means in each language', () => {
    expect(locales['zh-CN'].get('verification.o_direct')).toBe('绕过缓存回读');
    expect(locales['zh-CN'].get('verification.buffered')).toBe('经缓存回读');
    expect(locales.en.get('verification.o_direct')).toBe('read back bypassing the page cache');
  });

  it('say every error, cause, reason and recording problem of the contract in Chinese on the Chinese screen, and in English on the English one', () => {
    // The keys the interface's components ask for, through the same functions they use.
    const keys = [
      ...errorCodes.map((code) => errorKey({ code })),
      ...errorCauses.map((cause) => errorKey({ code: 'invalid-input', cause })),
      ...ReasonCode.options.map(reasonKey),
      ...ProblemCode.options.map(problemKey),
      ...['file-name', 'QuickTime:CreateDate'].map(timeSourceKey),
      'detail.nameTimeOff',
    ];
    const values = { plays: '0:02', declared: '0:07', hours: 8 };
    const screen = (language: 'zh-CN' | 'en') => {
      const i18n = createInstance();
      const translation = JSON.parse(readFileSync(join(rendererDir, 'i18n', localeFiles[language]), 'utf8')) as Record<string, unknown>;
      void i18n.init({ resources: { [language]: { translation } }, lng: language, initAsync: false });
      return new Map(keys.map((key) => [key, i18n.t(key, values)]));
    };
    const han = /\p{Script=Han}/u;
    // Latin words a Chinese sentence may carry: an example path, and names that have no Chinese form.
    const latinAllowed = new Set(['media', 'card', 'UUID', 'GPS', 'SHA']);
    const latinWords = (text: string) => (text.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !latinAllowed.has(word));
    const zh = screen('zh-CN');
    const english = screen('en');
    expect({
      missing: keys.filter((key) => zh.get(key) === key || english.get(key) === key),
      notChinese: keys.filter((key) => !han.test(zh.get(key) ?? '') || latinWords(zh.get(key) ?? '').length > 0),
      notEnglish: keys.filter((key) => han.test(english.get(key) ?? '')),
      placeholderLeft: keys.filter((key) => /\{\{/.test(`${zh.get(key)}${english.get(key)}`)),
    }).toEqual({ missing: [], notChinese: [], notEnglish: [], placeholderLeft: [] });
    // A failure the operator can act on says how, after a colon: "没有读取权限：请检查…".
    const actionable = [...errorCodes.filter((code) => code !== 'source-empty').map((code) => errorKey({ code })), ...errorCauses.map((cause) => errorKey({ code: 'invalid-input', cause }))];
    expect(actionable.filter((key) => !/：请/.test(zh.get(key) ?? ''))).toEqual([]);
  });
});
