import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../src-renderer/i18n/en.json' with { type: 'json' };
import zh from '../../src-renderer/i18n/zh-CN.json' with { type: 'json' };

const product = '执法音像记录采集工作站';
const productEn = 'Enforcement Recording Ingest Station';

/** Every text of a locale file, with the key it sits under. */
function texts(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => texts(value, prefix ? `${prefix}.${key}` : key));
}

describe('one word for the act and one product name', () => {
  it('says 导入 for the act in Chinese: 采集 appears only inside the product name', () => {
    const mixed = texts(zh).filter(([, text]) => text.replaceAll(product, '').includes('采集'));
    expect(mixed).toEqual([]);
  });

  it('says "import" for the act in English, as the Import page does', () => {
    const mixed = texts(en).filter(([key, text]) => key !== 'app.title' && /\bingest/i.test(text.replaceAll('--auto-ingest', '')));
    expect(mixed).toEqual([]);
  });

  it('names the product 执法音像记录采集工作站 in the window and page titles', () => {
    expect(zh.app.title).toBe(product);
    expect(en.app.title).toBe(productEn);
    expect(readFileSync('src-renderer/index.html', 'utf8')).toContain(`<title>${product} · ${productEn}</title>`);
    expect(readFileSync('src-main/hosts/electron/window-options.ts', 'utf8')).toContain(`title: '${product} · ${productEn}'`);
  });
});
