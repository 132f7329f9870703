import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, Role, type CommandName } from '../../../src-main/contract/index.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A command line and the core command it runs, so the expected answer comes from the contract's own role lists. */
const tried: { args: string[]; command: CommandName }[] = [
  { args: ['person', 'list'], command: 'people.list' },
  { args: ['person', 'add', '--name', '新人'], command: 'people.add' },
  { args: ['audit', 'list'], command: 'audit.list' },
];

describe('roles on the command line', () => {
  it('lets each role run what the contract gives it and refuses the rest with exit 3, forbidden', () => {
    const data = join(tempDir('roles-cli'), 'data');
    const env = { STATION_NEW_PASSWORD: 'a password 123', STATION_PASSWORD: 'a password 123' };
    expect(runCli(data, ['person', 'add', '--name', '管理员', '--roles', 'admin', '--login', 'root1'], env).status).toBe(0);
    for (const role of Role.options) {
      expect(runCli(data, ['--user', 'root1', 'person', 'add', '--name', `某${role}`, '--roles', role, '--login', `as-${role}`], env).status).toBe(0);
    }
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const role of Role.options) {
      for (const { args, command } of tried) {
        const run = runCliJson<unknown>(data, ['--user', `as-${role}`, ...args], env);
        const refused = run.status === 3 && (run.json as { error?: { code?: string } }).error?.code === 'forbidden';
        outcomes.push(`${role} ${command}: ${refused ? 'forbidden' : `exit ${run.status}`}`);
        expected.push(`${role} ${command}: ${commands[command].roles.includes(role) ? 'exit 0' : 'forbidden'}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
