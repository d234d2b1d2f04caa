import type { MintEvent, MintReport } from './mint-events.ts';

/**
 * `capsule mint`'s progress and summary as text lines: a header per record, a line per step, the
 * DOI or the failure with Zenodo's field messages, then the counts and every failure again.
 */
export function formatMintEvent(event: MintEvent): string[] {
  const out: string[] = [];
  const print = (line = '') => out.push(line);
  switch (event.type) {
    case 'plan':
      print(
        `${event.dryRun ? 'Dry run for' : 'Minting on'} ${event.endpoint}: ${event.records} record${event.records === 1 ? '' : 's'} to mint${event.embargoed ? ` (${event.embargoed} embargoed)` : ''}; ${event.notPublic} not public (never sent); ${event.minted} already minted.`,
      );
      return out;
    case 'record':
      print();
      print(
        `[${event.index}/${event.total}] ${event.id}, version ${event.version} (${event.kind === 'new-version' ? 'new version' : 'first version'}${event.embargoed ? ', embargoed' : ''})`,
      );
      return out;
    case 'step':
      print(`  ${event.message}`);
      return out;
    case 'dry-run': {
      print(
        `  would ${event.kind === 'new-version' ? `make a new version of concept ${event.conceptrecid}` : 'create a deposition'} with this metadata:`,
      );
      for (const line of JSON.stringify({ metadata: event.metadata }, null, 2).split('\n'))
        print(`    ${line}`);
      print(
        `  and upload ${event.files.length} file${event.files.length === 1 ? '' : 's'} (unless Zenodo has them with the same md5):`,
      );
      for (const file of event.files) print(`    ${file.key}  ${file.size} bytes  md5 ${file.md5}`);
      return out;
    }
    case 'minted':
      print(
        `  DOI ${event.result.doi} (concept ${event.result.conceptDoi})${event.result.adopted ? ', published by an earlier run' : ''}, written to ${event.file}`,
      );
      return out;
    case 'failed':
      print(`  FAILED: ${event.message}`);
      for (const detail of event.details) print(`    ${detail}`);
      return out;
    case 'warning':
      print(`warning: ${event.message}`);
      return out;
  }
}

export function formatMintSummary(report: MintReport): string[] {
  const out: string[] = [];
  const print = (line = '') => out.push(line);
  print();
  const parts = report.dryRun
    ? [`Dry run: ${report.wouldMint} record${report.wouldMint === 1 ? '' : 's'} would be minted`]
    : [
        `${report.minted.length} DOI${report.minted.length === 1 ? '' : 's'} minted${report.minted.some((m) => m.adopted) ? ` (${report.minted.filter((m) => m.adopted).length} published by an earlier run)` : ''}`,
      ];
  parts.push(
    `${report.failed.length} failed`,
    `${report.notPublic} not public`,
    `${report.alreadyMinted} already minted`,
  );
  print(`${parts.join(', ')}.`);
  if (report.failed.length > 0) {
    print('Failed:');
    for (const failure of report.failed) {
      print(`  ${failure.id}: ${failure.message}`);
      for (const detail of failure.details) print(`      ${detail}`);
    }
  }
  if (!report.dryRun && report.minted.length > 0)
    print(
      'Commit the records (and .capsule/mint-journal.json if a run left one) to keep the DOIs.',
    );
  return out;
}
