/**
 * A mutation the server refuses for good: the reason goes back to the console, which keeps the
 * write and shows why (it is neither dropped nor retried). Written for the agent who will read it.
 */
export class Rejection extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Rejection';
  }
}
