import { join } from 'node:path';
import { expect } from 'vitest';
import type { Credentials, Recording, Result } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import type { Station } from '../../../src-main/core/station-api.js';
import { makeVideo } from '../../helpers/make-media.js';

/** Everyone's password in these tests. */
export const password = 'secret-pass-1';
export const as = (login: string): Credentials => ({ login, password });

export async function value<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** An office with accounts: admin, clerk, lead, head, auditor, and 李执法 (a clerk and officer 012345). */
export interface Office {
  station: Station;
  ingestId: string;
  /** 李执法's recording (officer 012345 in its name) and another officer's (054321, no account). */
  own: Recording;
  other: Recording;
  people: Record<'clerk' | 'lead' | 'head' | 'auditor' | 'li', number>;
}

/** A station in `root` whose card (two real videos) a clerk ingested, with everyone signed up. */
export async function openOffice(root: string): Promise<Office> {
  const card = join(root, 'card/DCIM');
  makeVideo(join(card, '1234567_012345_20261126083015_0001.MP4'), { seed: 1, creationTime: '2026-11-26T00:30:15Z' });
  makeVideo(join(card, '1234567_054321_20261126090000_0002.MP4'), { seed: 2, creationTime: '2026-11-26T01:00:00Z' });
  const station = await openStation({ dataDir: join(root, 'data') });
  await value(station.call('people.add', { name: '赵管理', roles: ['admin'], login: 'admin', password }, { name: 'desk', role: 'admin' }));
  const add = async (name: string, roles: string[], login: string, officerNumber?: string) =>
    (await value(station.call('people.add', { name, roles, login, password, officerNumber }, as('admin')))).id;
  const people = {
    clerk: await add('王内勤', ['clerk'], 'clerk'),
    lead: await add('张主管', ['lead'], 'lead'),
    head: await add('刘局长', ['head'], 'head'),
    auditor: await add('孙审计', ['auditor'], 'auditor'),
    li: await add('李执法', ['clerk', 'officer'], 'li', '012345'),
  };
  const { ingestId } = await value(station.call('ingest.start', { sourcePath: join(root, 'card') }, as('clerk')));
  // A plain wait (expect.poll is for tests, and this runs in beforeAll).
  for (let tries = 0; (await value(station.call('ingest.get', { ingestId }, as('clerk')))).state === 'running'; tries += 1) {
    if (tries > 600) throw new Error('the ingest did not finish');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await value(station.call('ingest.get', { ingestId }, as('clerk')))).state).toBe('completed');
  const { rows } = await value(station.call('recordings.list', { sort: 'file', order: 'asc' }, as('clerk')));
  expect(rows).toHaveLength(2);
  const [own, other] = rows as [Recording, Recording];
  expect(own.officer?.id).toBe(people.li);
  return { station, ingestId, own, other, people };
}
