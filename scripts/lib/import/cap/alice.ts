import type { Person } from '../../records/types.ts';
import type { SourceFields } from '../source-fields.ts';
import type { Draft } from './common.ts';
import { push, takeTitle } from './cms.ts';

/** CAP's ALICE analyses: basic_info (title, description) and the LEGO train runs. */
export function mapAlice(source: SourceFields, record: Draft, _people: Person[]): void {
  const title = takeTitle(source, [['general_title'], ['basic_info', 'analysis_title']]);
  if (title) record.title = title;
  const description = source.text('basic_info', 'description');
  if (description) {
    record.abstract = description;
    source.use('basic_info', 'description');
  }
  const alice: Draft = {};
  source.list('train_analysis').forEach((_, i) => {
    const at = (...path: Array<string | number>) => ['train_analysis', i, ...path];
    const name = source.text(...at('train_id'));
    const id = source.text(...at('run_id'));
    if (
      !name ||
      !id ||
      !/^[A-Za-z0-9_-]+\/[A-Za-z0-9_.-]+$/.test(name) ||
      !/^[1-9][0-9]*$/.test(id)
    ) {
      if (name || id)
        source.refuse('a train run needs its train name (PWG/train) and run id', ...at('train_id'));
      return;
    }
    const train: Draft = { train_name: name, train_id: id };
    source.use(...at('train_id'));
    source.use(...at('run_id'));
    const optional: Array<[string, string, RegExp]> = [
      ['dataset', 'dataset', /^LHC[0-9]{2}[a-z][0-9a-z_]*$/],
      ['dataset_aod', 'aod', /^AOD[0-9]*$/],
      ['ali_physics', 'aliphysics_tag', /^vAN-[0-9]{8}(?:-[0-9]+)?$/],
      ['reference_production', 'reference_production', /^LHC[0-9]{2}[a-z][0-9a-z_]*$/],
    ];
    for (const [from, to, pattern] of optional) {
      const value = source.text(...at(from));
      if (value && pattern.test(value)) {
        train[to] = value;
        source.use(...at(from));
      } else if (value)
        source.refuse(`does not have the form Capsule expects for ${to}`, ...at(from));
    }
    const wagons = source.text(...at('wagon_names'));
    if (wagons) {
      train.wagons = [...new Set(wagons.split(/[,;\s]+/).filter(Boolean))];
      source.use(...at('wagon_names'));
    }
    const runs = source
      .list(...at('run'))
      .flatMap((run) =>
        run &&
        typeof run === 'object' &&
        Array.isArray((run as { run_numbers?: unknown }).run_numbers)
          ? ((run as { run_numbers: unknown[] }).run_numbers as unknown[])
          : [],
      );
    const numbers = runs.map(String).filter((r) => /^[0-9]{6}$/.test(r));
    if (numbers.length) {
      train.runs = [...new Set(numbers)];
      source.list(...at('run')).forEach((__, j) => source.use(...at('run', j, 'run_numbers')));
    }
    push(alice, 'lego_trains', train);
  });
  if (Object.keys(alice).length) record.alice = alice;
}
