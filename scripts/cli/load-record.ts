import { summarise } from '../lib/diagnostics/format/summary.ts';
import { formatText } from '../lib/diagnostics/format/text.ts';
import { loadArchive } from '../lib/records/load-archive.ts';
import type { LoadedArchive } from '../lib/records/load-archive.ts';
import type { ValidRecord } from '../lib/records/types.ts';
import { loadSchemas } from '../lib/schemas/load-schemas.ts';
import type { LoadedSchemas } from '../lib/schemas/load-schemas.ts';
import { validateArchive } from '../lib/validate/validate-archive.ts';
import { UsageError } from './command.ts';
import type { CliIo } from './command.ts';

/**
 * The records a command works on, by id (`cms/higgs-tautau-2016`), validated first: commands
 * that write exports or change records never act on a record that does not validate. Prints the
 * report and returns undefined when a named record has errors.
 */
export interface LoadedRecords {
  archive: LoadedArchive;
  schemas: LoadedSchemas;
  records: ValidRecord[];
}

export async function loadValidRecords(
  root: string,
  ids: readonly string[] | undefined,
  io: CliIo,
): Promise<LoadedRecords | undefined> {
  const archive = await loadArchive(root);
  const known = new Set(archive.records.map((record) => record.id));
  for (const id of ids ?? []) {
    const clean = id.replace(/^content\//, '').replace(/\/$/, '');
    if (!known.has(clean)) throw new UsageError(`No record ${id} in ${root}/content.`);
  }
  const wanted = ids?.map((id) => `content/${id.replace(/^content\//, '').replace(/\/$/, '')}`);
  const schemas = await loadSchemas(root);
  const report = await validateArchive(archive, schemas, {
    ...(wanted ? { select: (dir: string) => wanted.includes(dir) } : {}),
  });
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  if (wanted && errors.length > 0) {
    io.stderr.write(formatText(errors, summarise(report.checked, errors)));
    return undefined;
  }
  return { archive, schemas, records: report.valid };
}
