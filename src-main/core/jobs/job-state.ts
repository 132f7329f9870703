/** Which states may follow each state; a state with no successors is an end. */
export type Transitions<State extends string> = { readonly [S in State]: readonly State[] };

/** A step the table does not allow: a bug in the job, never a user error. */
export class IllegalTransition extends Error {
  constructor(job: string, from: string, to: string) {
    super(`${job}: ${from} → ${to} is not a step this job can take`);
  }
}

/**
 * A job's one state, changed in one place. etcher-sdk's write → verify steps are the model: the
 * state is a value checked against a table, not a set of flags that can disagree.
 */
export class JobState<State extends string> {
  private current: State;

  constructor(
    private readonly job: string,
    initial: State,
    private readonly transitions: Transitions<State>,
    private readonly onChange: (state: State) => void = () => undefined,
  ) {
    this.current = initial;
  }

  get value(): State {
    return this.current;
  }

  is(...states: State[]): boolean {
    return states.includes(this.current);
  }

  get ended(): boolean {
    return this.transitions[this.current].length === 0;
  }

  /** Moves to `next`; throws when the table does not allow it. */
  to(next: State): void {
    if (!this.transitions[this.current].includes(next)) throw new IllegalTransition(this.job, this.current, next);
    this.current = next;
    this.onChange(next);
  }
}
