// The office's people, their accounts, sign-in and sessions (issue 8).
export { peopleModule, type PeopleModule } from './people-module.js';
export type { Authenticator, Identity } from './authenticator.js';
export { personByOfficerNumber, personById, listPeople } from './people-store.js';
