import { loadArchive } from '../../scripts/lib/records/load-archive.ts';
import { loadSchemas } from '../../scripts/lib/schemas/load-schemas.ts';
import { validateArchive } from '../../scripts/lib/validate/validate-archive.ts';

/** One measured run of read + parse + validate, printed as JSON for validate.bench.ts. */
const root = process.argv[2] as string;
const cpuStart = process.cpuUsage();
const started = performance.now();
const archive = await loadArchive(root);
const loaded = performance.now();
const schemas = await loadSchemas(root);
const report = await validateArchive(archive, schemas);
const finished = performance.now();
process.stdout.write(
  JSON.stringify({
    records: report.checked,
    errors: report.diagnostics.filter((d) => d.severity === 'error').length,
    load: Math.round(loaded - started),
    validate: Math.round(finished - loaded),
    total: Math.round(finished - started),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    cpu: Math.round((process.cpuUsage(cpuStart).user + process.cpuUsage(cpuStart).system) / 1000),
  }),
);
