/** The verdict on an identifier: valid, or why not and how to fix it. */
export type IdentifierCheck = { ok: true } | { ok: false; problem: string; hint: string };

export const VALID: IdentifierCheck = { ok: true };

export function invalid(problem: string, hint: string): IdentifierCheck {
  return { ok: false, problem, hint };
}
