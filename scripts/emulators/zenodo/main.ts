import { parseArgs } from 'node:util';
import { startZenodoEmulator } from './server.ts';

/**
 * `npm run emulator:zenodo [-- --port N --token T --doi-prefix P --search-lag-ms N]`: a Zenodo
 * emulator on loopback until Ctrl-C. Point `capsule mint` at it with
 * ZENODO_API_URL=<printed URL> and any ZENODO_TOKEN (or the one given with --token).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    token: { type: 'string', multiple: true },
    'doi-prefix': { type: 'string', default: '10.5072' },
    'search-lag-ms': { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  process.stdout.write(
    [
      'Usage: npm run emulator:zenodo -- [--port N] [--token T]... [--doi-prefix 10.5072] [--search-lag-ms 0]',
      '',
      'Serves the Zenodo deposit API on 127.0.0.1 with state in memory. Without --token any bearer',
      'token is accepted. Faults: POST /_emulator/faults; state: GET /_emulator/depositions.',
      '',
    ].join('\n'),
  );
} else {
  const emulator = await startZenodoEmulator({
    port: Number(values.port),
    tokens: values.token ?? [],
    doiPrefix: values['doi-prefix'],
    searchLagMs: Number(values['search-lag-ms']),
  });
  process.stdout.write(
    [
      `Zenodo emulator listening on ${emulator.url}`,
      `  API:      ${emulator.apiUrl}`,
      `  token:    ${values.token?.length ? 'one of those given with --token' : 'any non-empty bearer token'}`,
      `  try:      ZENODO_API_URL=${emulator.apiUrl} ZENODO_TOKEN=${values.token?.length ? '<a --token value>' : 'demo'} npx capsule mint`,
      `  faults:   curl -X POST ${emulator.url}/_emulator/faults -d '{"random":{"rate":0.1,"seed":1,"faults":[{"kind":"status","status":503}]}}'`,
      `  state:    curl ${emulator.url}/_emulator/depositions`,
      'Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => void emulator.close().then(() => (process.exitCode = 0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
