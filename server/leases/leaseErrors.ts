/** A write or send refused because this process no longer holds the lease it was made under. */
export class LeaseLostError extends Error {
  constructor(
    readonly lease: string,
    readonly token: number,
    why: string,
  ) {
    super(`lease ${lease} (token ${token}) is no longer held: ${why}`);
    this.name = 'LeaseLostError';
  }
}
