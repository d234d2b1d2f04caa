import { VALID, invalid } from './check.ts';
import type { IdentifierCheck } from './check.ts';

/**
 * Links in records. Pages render them, so only schemes that cannot run code pass: https for web
 * pages, and root:// (XRootD, how CERN's EOS serves data) for dataset locations.
 */
function checkUrl(value: string, schemes: string[]): IdentifierCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return invalid(
      'is not a URL',
      `Write a full address starting with ${schemes.map((s) => `\`${s}//\``).join(' or ')}.`,
    );
  }
  if (!schemes.includes(url.protocol)) {
    const fix = url.protocol === 'http:' ? ` Use \`${value.replace(/^http:/, 'https:')}\`.` : '';
    return invalid(
      `uses \`${url.protocol}\`, which is not allowed here`,
      `Only ${schemes.join(' and ')} links are accepted.${fix}`,
    );
  }
  if (url.username || url.password)
    return invalid('contains a user name or password', 'Remove the credentials from the address.');
  if (!url.hostname) return invalid('has no host', 'Write a full address with a host name.');
  return VALID;
}

export function checkHttpsUrl(value: string): IdentifierCheck {
  return checkUrl(value, ['https:']);
}

export function checkDatasetUri(value: string): IdentifierCheck {
  return checkUrl(value, ['https:', 'root:']);
}
