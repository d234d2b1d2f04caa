import { ZenodoError } from './errors.ts';

/** A failed record as a person reads it: what happened, then Zenodo's field messages and a hint. */
export function describeFailure(error: unknown): { message: string; details: string[] } {
  if (error instanceof ZenodoError) {
    const details = error.fieldErrors.map((item) => `${item.field}: ${item.messages.join(' ')}`);
    const hint =
      error.status === 401 || error.status === 403
        ? [
            'Check ZENODO_TOKEN: a personal access token of the target Zenodo (sandbox tokens differ) with the deposit:write and deposit:actions scopes.',
          ]
        : error.ambiguous
          ? [
              'Zenodo may have acted on the last request; run `capsule mint` again: it resumes from the journal and never publishes twice.',
            ]
          : [];
    const what =
      error.status === 0
        ? 'No answer from Zenodo'
        : error.status >= 500
          ? 'Zenodo failed'
          : 'Zenodo refused';
    return {
      message: `${what}: ${error.method} ${error.url}: ${error.status === 0 ? '' : `${error.status} `}${error.message}`,
      details: [...details, ...hint],
    };
  }
  const err = error as Error;
  return { message: err.message, details: [] };
}
