import type { AccessLevel } from './types.ts';

/**
 * Who sees what: the one place access is decided. The public site holds public records whose
 * embargo has passed; the internal site adds collaboration records; restricted records are never
 * built into any site.
 */
export type Audience = 'public' | 'internal';

export const AUDIENCES: readonly Audience[] = ['public', 'internal'];

export interface AccessFields {
  level: AccessLevel;
  embargo_until?: string;
}

/** Today as YYYY-MM-DD in UTC, or the date CAPSULE_NOW pins (for tests and previews). */
export function today(
  env: { CAPSULE_NOW?: string | undefined } = process.env,
  clock: () => Date = () => new Date(),
): string {
  const pinned = env.CAPSULE_NOW;
  if (pinned) {
    const date = new Date(pinned);
    if (Number.isNaN(date.getTime())) throw new Error(`CAPSULE_NOW is not a date: ${pinned}`);
    return date.toISOString().slice(0, 10);
  }
  return clock().toISOString().slice(0, 10);
}

/** Whether an embargo is still in force on `day` (YYYY-MM-DD). It lifts at the start of its date. */
export function isEmbargoed(access: AccessFields, day: string): boolean {
  return access.embargo_until !== undefined && access.embargo_until > day;
}

export function isVisibleTo(access: AccessFields, audience: Audience, day: string): boolean {
  if (access.level === 'restricted') return false;
  if (audience === 'internal') return true;
  return access.level === 'public' && !isEmbargoed(access, day);
}
