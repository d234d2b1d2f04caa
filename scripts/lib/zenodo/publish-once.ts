import { readDeposition } from './acquire-deposition.ts';
import { ZenodoError } from './errors.ts';
import type { MintContext } from './mint-context.ts';
import { isPublished } from './resolve.ts';
import type { Deposition } from './types.ts';

/** Publish attempts after reading back a publish that failed without being published. */
const PUBLISH_ATTEMPTS = 4;

/**
 * Publishes a draft, never twice: when the answer is lost (5xx, timeout, reset) or is a 404, the
 * deposition is read back; published means done, otherwise the publish did not happen and may be
 * sent again.
 */
export async function publishOnce(id: number, context: MintContext): Promise<Deposition> {
  for (let attempt = 1; ; attempt++) {
    try {
      const deposition = await context.client.publish(id);
      if (isPublished(deposition)) return deposition;
      throw new Error(`Zenodo answered the publish of deposition ${id} without a DOI.`);
    } catch (error) {
      if (!(error instanceof ZenodoError) || !(error.ambiguous || error.status === 404))
        throw error;
      const answer = error.status ? `${error.status} ${error.message}` : error.message;
      context.report(`publish got no clear answer (${answer}); reading deposition ${id} back`);
      const deposition = await readDeposition(context.client, id);
      if (!deposition)
        throw new Error(
          `Deposition ${id} is gone from Zenodo: it was deleted while being published.`,
          { cause: error },
        );
      if (isPublished(deposition)) return deposition;
      if (error.status === 404 || attempt >= PUBLISH_ATTEMPTS) throw error;
      await context.wait(1000 * 2 ** (attempt - 1));
    }
  }
}
