/**
 * Where Capsule mints: zenodo.org, its sandbox (test DOIs, prefix 10.5072, a separate account
 * and token), or any other base URL (an emulator) given explicitly.
 */
export const ZENODO_API = 'https://zenodo.org/api';
export const SANDBOX_API = 'https://sandbox.zenodo.org/api';

export function resolveEndpoint(choice: {
  explicit?: string | undefined;
  sandbox?: boolean;
  archiveSandbox?: boolean;
}): string {
  if (choice.explicit) {
    const url = new URL(choice.explicit);
    if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
      throw new Error(
        `ZENODO_API_URL must be https (plain http only on loopback), not ${url.origin}.`,
      );
    return choice.explicit.replace(/\/+$/, '');
  }
  return choice.sandbox || choice.archiveSandbox ? SANDBOX_API : ZENODO_API;
}
