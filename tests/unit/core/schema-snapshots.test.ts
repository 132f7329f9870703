import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/database.js';
import { migrations } from '../../../src-main/core/db/migrations/index.js';

/**
 * A shipped migration has run on stations in the field: editing it changes nothing there and
 * makes new stations differ from old ones. So the schema after each version is kept here, as
 * committed text, and any difference fails.
 */
const snapshotsDir = fileURLToPath(new URL('./schema-snapshots/', import.meta.url));
const writeMissing = process.env.UPDATE_SCHEMA_SNAPSHOTS === '1';
const command = 'UPDATE_SCHEMA_SNAPSHOTS=1 npx vitest run --project main tests/unit/core/schema-snapshots.test.ts';

const snapshotName = (version: number): string => `${String(version).padStart(3, '0')}.sql`;

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** The schema after migrations 1..version on a fresh database, one object per entry, whitespace collapsed. */
function schemaAt(version: number): string {
  const db = new BetterSqlite3(':memory:');
  try {
    migrate(db, migrations.slice(0, version));
    const objects = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as SchemaObject[];
    const entries = objects.map(({ type, name, tbl_name: table, sql }) => {
      const heading = `-- ${type} ${name}${table === name ? '' : ` on ${table}`}`;
      // Whitespace is layout, not schema: re-indenting a migration is not a change.
      return sql === null ? `${heading} (made by SQLite, no SQL)` : `${heading}\n${sql.replace(/\s+/g, ' ').trim()};`;
    });
    return `-- Schema at version ${version}: written by tests/unit/core/schema-snapshots.test.ts. Never edit.\n\n${entries.join('\n\n')}\n`;
  } finally {
    db.close();
  }
}

function snapshotVersions(): number[] {
  if (!existsSync(snapshotsDir)) return [];
  return readdirSync(snapshotsDir)
    .filter((name) => /^\d{3}\.sql$/.test(name))
    .map((name) => Number(name.slice(0, 3)));
}

const lastVersion = Math.max(migrations.length, ...snapshotVersions());
const versions = Array.from({ length: lastVersion }, (_, index) => index + 1);

describe('schema snapshots: a shipped migration never changes', () => {
  it.each(versions)('the schema at version %i is the committed snapshot', (version) => {
    const name = snapshotName(version);
    const file = `${snapshotsDir}${name}`;
    expect(
      version <= migrations.length,
      `schema-snapshots/${name} has no migration ${version}: a shipped migration is never removed. Put it back in src-main/core/db/migrations/index.ts.`,
    ).toBe(true);

    const schema = schemaAt(version);
    if (!existsSync(file)) {
      if (writeMissing) {
        // 'wx': written only if absent, never over a snapshot that exists.
        writeFileSync(file, schema, { flag: 'wx' });
        return;
      }
      expect.fail(
        `Migration ${version} has no schema snapshot (tests/unit/core/schema-snapshots/${name}). ` +
          `Write it with \`${command}\` (it writes missing snapshots only), read it, and commit it with the migration.`,
      );
    }

    const committed = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    expect(
      schema,
      `The schema after migration ${version} is not the one committed in tests/unit/core/schema-snapshots/${name}. ` +
        `Migration ${version} has shipped: stations in the field already ran it, and an edit would never reach them. ` +
        `Undo the change to the migration and add a new migration (the next number) that makes it instead.`,
    ).toBe(committed);
  });
});
