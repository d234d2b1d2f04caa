import { describe, expect, it } from 'vitest';
import { checkArxiv } from '../../../scripts/lib/identifiers/arxiv.ts';
import { checkDoi } from '../../../scripts/lib/identifiers/doi.ts';
import { checkOrcid, orcidCheckCharacter } from '../../../scripts/lib/identifiers/orcid.ts';
import { checkCds, checkInspire } from '../../../scripts/lib/identifiers/record-number.ts';
import { checkRor } from '../../../scripts/lib/identifiers/ror.ts';
import { checkDatasetUri, checkHttpsUrl } from '../../../scripts/lib/identifiers/url.ts';

const ok = { ok: true };

describe('ORCID', () => {
  it('accepts iDs whose ISO 7064 MOD 11-2 check character matches, including X', () => {
    for (const id of ['0000-0002-1825-0097', '0000-0002-1694-233X', '0000-0001-5109-3700'])
      expect(checkOrcid(id)).toEqual(ok);
    expect(orcidCheckCharacter('000000021694233')).toBe('X');
  });

  it('rejects an ORCID with a bad check digit and names the expected one', () => {
    expect(checkOrcid('0000-0002-1825-0098')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('expected 7'),
    });
  });

  it('rejects URLs and malformed iDs with the bare form as the fix', () => {
    expect(checkOrcid('https://orcid.org/0000-0002-1825-0097')).toMatchObject({
      ok: false,
      hint: expect.stringContaining('`0000-0002-1825-0097`'),
    });
    expect(checkOrcid('0000-0002-1825-009')).toMatchObject({ ok: false });
  });
});

describe('ROR', () => {
  it('accepts real ROR ids (CERN and others) by their MOD 97-10 checksum', () => {
    for (const id of ['01ggx4157', '05gzmn429', '02jx3x895', '00f54p054', '03rmrcq20'])
      expect(checkRor(id)).toEqual(ok);
  });

  it('rejects a ROR id with bad check digits, letters outside Crockford base32, or a URL', () => {
    expect(checkRor('01ggx4158')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('expected 57'),
    });
    expect(checkRor('01ggi4157')).toMatchObject({ ok: false });
    expect(checkRor('https://ror.org/01ggx4157')).toMatchObject({
      ok: false,
      hint: expect.stringContaining('`01ggx4157`'),
    });
  });
});

describe('DOI', () => {
  it('accepts bare DOIs', () => {
    for (const doi of [
      '10.1016/j.physletb.2012.08.021',
      '10.1007/JHEP01(2018)001',
      '10.5281/zenodo.1234',
      '10.17182/hepdata.77268.v1/t1',
    ]) {
      expect(checkDoi(doi)).toEqual(ok);
    }
  });

  it('rejects prefixes, URLs and non-DOIs', () => {
    expect(checkDoi('https://doi.org/10.5281/zenodo.1234')).toMatchObject({
      ok: false,
      hint: expect.stringContaining('10.5281/zenodo.1234'),
    });
    expect(checkDoi('doi:10.5281/zenodo.1234')).toMatchObject({ ok: false });
    expect(checkDoi('11.1234/x')).toMatchObject({ ok: false });
    expect(checkDoi('10.1234/a b')).toMatchObject({ ok: false });
  });
});

describe('arXiv', () => {
  it('accepts new-style ids with the right number of digits for their date, and old-style ids', () => {
    for (const id of [
      '1207.7214',
      '0704.0001',
      '1708.00373',
      '2101.01234v2',
      'hep-ex/0301001',
      'math.GT/0309136',
    ])
      expect(checkArxiv(id)).toEqual(ok);
  });

  it('rejects five digits before 2015, four after, dates before 2007, prefixes and URLs', () => {
    expect(checkArxiv('1207.72145')).toMatchObject({ ok: false });
    expect(checkArxiv('1708.0037')).toMatchObject({ ok: false });
    expect(checkArxiv('0612.0001')).toMatchObject({ ok: false });
    expect(checkArxiv('arXiv:1207.7214')).toMatchObject({
      ok: false,
      hint: expect.stringContaining('`1207.7214`'),
    });
    expect(checkArxiv('https://arxiv.org/abs/1207.7214')).toMatchObject({
      ok: false,
      hint: expect.stringContaining('`1207.7214`'),
    });
  });
});

describe('INSPIRE and CDS record ids', () => {
  it('accepts positive integers written as strings', () => {
    expect(checkInspire('1124337')).toEqual(ok);
    expect(checkCds('1471031')).toEqual(ok);
  });

  it('rejects zero, signs, letters and URLs', () => {
    expect(checkInspire('0')).toMatchObject({ ok: false });
    expect(checkInspire('ins1124337')).toMatchObject({ ok: false });
    expect(checkInspire('https://inspirehep.net/literature/1124337')).toMatchObject({
      ok: false,
      hint: expect.stringContaining('"1124337"'),
    });
    expect(checkCds('https://cds.cern.ch/record/1471031')).toMatchObject({ ok: false });
  });
});

describe('links', () => {
  it('accepts https, and root:// for dataset locations', () => {
    expect(checkHttpsUrl('https://cms-results.web.cern.ch/x')).toEqual(ok);
    expect(checkDatasetUri('root://eospublic.cern.ch//eos/opendata/cms/x.root')).toEqual(ok);
  });

  it('rejects javascript:, data:, http and credentials', () => {
    expect(checkHttpsUrl('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(checkHttpsUrl('data:text/html,<script>')).toMatchObject({ ok: false });
    expect(checkHttpsUrl('http://example.org')).toMatchObject({
      ok: false,
      hint: expect.stringContaining('https://example.org'),
    });
    expect(checkHttpsUrl('https://user:pw@example.org')).toMatchObject({ ok: false });
    expect(checkDatasetUri('file:///etc/passwd')).toMatchObject({ ok: false });
  });
});
