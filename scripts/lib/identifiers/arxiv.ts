import { VALID, invalid } from './check.ts';
import type { IdentifierCheck } from './check.ts';

/**
 * arXiv identifiers, bare. New style (April 2007 on): YYMM.NNNN, five digits from 2015;
 * old style: archive(.SUBJECT)/YYMMNNN.
 */
const NEW_STYLE = /^(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(v\d+)?$/;
const OLD_STYLE = /^[a-z]+(-[a-z]+)*(\.[A-Z]{2})?\/\d{2}(0[1-9]|1[0-2])\d{3}(v\d+)?$/;

export function checkArxiv(value: string): IdentifierCheck {
  if (/^arxiv:/i.test(value))
    return invalid('has a prefix', `Write the bare id: \`${value.replace(/^arxiv:/i, '')}\`.`);
  if (/^https?:\/\//.test(value)) {
    const id = value
      .replace(/^https?:\/\/(www\.)?arxiv\.org\/(abs|pdf)\//, '')
      .replace(/\.pdf$/, '');
    return invalid('is written as a URL', `Write the bare id: \`${id}\`.`);
  }
  const match = NEW_STYLE.exec(value);
  if (match) {
    const yymm = Number(`${match[1]}${match[2]}`);
    const digits = match[3]?.length ?? 0;
    if (yymm < 704)
      return invalid(
        'is dated before April 2007, when this style began',
        'Older papers have ids like `hep-ex/0301001`.',
      );
    if (yymm < 1501 && digits !== 4)
      return invalid(
        'has five digits after the dot; before 2015 ids had four',
        'Check the id on arxiv.org.',
      );
    if (yymm >= 1501 && digits !== 5)
      return invalid(
        'has four digits after the dot; since 2015 ids have five',
        'Check the id on arxiv.org.',
      );
    return VALID;
  }
  if (OLD_STYLE.test(value)) return VALID;
  return invalid(
    'is not shaped like an arXiv id',
    'An arXiv id looks like `1207.7214` (2007 on) or `hep-ex/0301001` (before).',
  );
}
