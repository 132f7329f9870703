import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src-main/core/db/migrations/index.js';

const migrationsDir = new URL('../../../src-main/core/db/migrations/', import.meta.url);
const migrationFile = /^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*\.ts$/;

/** The migration files, in the order of their numbers; index.ts is the list, not a migration. */
function migrationFiles(): string[] {
  return readdirSync(fileURLToPath(migrationsDir))
    .filter((name) => name !== 'index.ts')
    .sort();
}

describe('migration numbers: the file NNN is schema version NNN', () => {
  it('names every file in the folder NNN-name.ts, numbered 1, 2, 3 … without a gap', () => {
    const files = migrationFiles();
    const misnamed = files.filter((name) => !migrationFile.test(name));
    expect(misnamed, 'the migrations folder holds only index.ts and migrations named NNN-name.ts (lower-case, dashes)').toEqual([]);
    const numbers = files.map((name) => Number(migrationFile.exec(name)?.[1]));
    expect(numbers, 'migration numbers start at 001 and go up by one: no gap, no two files with one number').toEqual(
      files.map((_, index) => index + 1),
    );
  });

  it('lists every file in index.ts, each at the place its number says', async () => {
    const files = migrationFiles();
    expect(
      migrations.length,
      `index.ts lists ${migrations.length} migrations and the folder holds ${files.length}: list every file, in order, and nothing else`,
    ).toBe(files.length);
    for (const [index, name] of files.entries()) {
      // The same module instance the static import in index.ts gave: identity, not a look-alike.
      const module: unknown = await import(new URL(name, migrationsDir).href);
      expect(migrations[index] === module, `migrations[${index}] in index.ts must be ${name} (version ${index + 1})`).toBe(true);
    }
  });
});
