import { createHash, randomBytes } from 'node:crypto';

/** A session ends this long after sign-in whatever happens (a desk left signed in overnight). */
const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export interface Session {
  personId: number;
  openedAt: number;
  lastActiveAt: number;
  locked: boolean;
}

/**
 * The signed-in sessions of this station process (the desktop window, browser-mode tabs). They live
 * in memory: a restart signs everyone out, which is what a desk expects of a restarted program.
 * Only the SHA-256 of an id is kept, so a memory dump does not hand out sessions.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number) {}

  open(personId: number): string {
    const id = randomBytes(32).toString('base64url');
    const at = this.now();
    this.sessions.set(keyOf(id), { personId, openedAt: at, lastActiveAt: at, locked: false });
    return id;
  }

  /** The live session for an id; an expired one is forgotten. */
  find(id: string): Session | null {
    const key = keyOf(id);
    const session = this.sessions.get(key);
    if (!session) return null;
    if (this.now() - session.openedAt > sessionLifetimeMs) {
      this.sessions.delete(key);
      return null;
    }
    return session;
  }

  close(id: string): void {
    this.sessions.delete(keyOf(id));
  }

  /** A person made inactive or given a new password by an admin is signed out everywhere. */
  closeAllOf(personId: number): void {
    for (const [key, session] of this.sessions) if (session.personId === personId) this.sessions.delete(key);
  }
}

const keyOf = (id: string): string => createHash('sha256').update(id).digest('hex');
