import { Role, type Person } from '../../../contract/index.js';
import { optionText, reportFailure, type CliContext } from '../context.js';
import { CredentialsError, readPasswordFile } from '../credentials.js';

const personUsage = 'usage: station person add --name N [--officer-number X] [--cert-number C] [--unit U] [--roles R1,R2] [--login L] | station person list';

const shown = (person: Person) => ({
  id: person.id,
  name: person.name,
  officerNumber: person.officerNumber,
  certNumber: person.certNumber,
  unit: person.unit,
  roles: person.roles,
  login: person.login,
  active: person.active,
});

/** The new account's password: STATION_NEW_PASSWORD or `--new-password-file F`, never an argument. */
async function newPassword(context: CliContext): Promise<string | undefined> {
  const file = optionText(context, 'new-password-file');
  if (file !== undefined) return readPasswordFile(file, '--new-password-file');
  const password = process.env.STATION_NEW_PASSWORD || undefined;
  // Read once: nothing the station runs afterwards should inherit it.
  delete process.env.STATION_NEW_PASSWORD;
  return password;
}

async function addPerson(context: CliContext): Promise<number> {
  const text = (name: string) => optionText(context, name);
  const roles = text('roles')
    ?.split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  const unknown = roles?.filter((role) => !Role.safeParse(role).success) ?? [];
  if (unknown.length > 0) {
    return reportFailure(context, { code: 'invalid-input', message: `unknown role ${unknown.join(', ')}: roles are ${Role.options.join(', ')}` }, 1);
  }
  const login = text('login');
  let password: string | undefined;
  try {
    password = login === undefined ? undefined : await newPassword(context);
  } catch (error) {
    if (error instanceof CredentialsError) return reportFailure(context, { code: 'invalid-input', message: error.message }, 1);
    throw error;
  }
  if (login !== undefined && password === undefined) {
    return reportFailure(context, { code: 'invalid-input', message: `--login ${login} needs a password: set STATION_NEW_PASSWORD, or give --new-password-file FILE` }, 1);
  }
  const input = {
    name: context.options.name,
    officerNumber: text('officer-number'),
    certNumber: text('cert-number'),
    unit: text('unit'),
    roles,
    login,
    password,
  };
  const result = await context.station.call('people.add', input, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  const person = result.value;
  if (context.options.json) context.out(JSON.stringify(shown(person)));
  else context.out(`${person.id}\t${person.name}\t${person.officerNumber ?? '-'}\t${person.roles.join(',')}\t${person.login ?? '-'}`);
  return 0;
}

async function listPeople(context: CliContext): Promise<number> {
  const result = await context.station.call('people.list', {}, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  if (context.options.json) {
    context.out(JSON.stringify(result.value.map(shown)));
    return 0;
  }
  for (const person of result.value) {
    const cells = [person.id, person.name, person.officerNumber ?? '-', person.certNumber ?? '-', person.unit ?? '-', person.roles.join(','), person.login ?? '-', person.active ? '' : 'inactive'];
    context.out(cells.join('\t'));
  }
  return 0;
}

/** `station person add|list`: the office's people and their accounts (admins add them). */
export async function personCommand(context: CliContext): Promise<number> {
  const [action] = context.args;
  if (action === 'add') return addPerson(context);
  if (action === 'list') return listPeople(context);
  return reportFailure(context, { code: 'invalid-input', message: personUsage }, 1);
}
