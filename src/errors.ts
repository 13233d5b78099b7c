/** An expected failure whose message is safe to show to whoever asked. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
