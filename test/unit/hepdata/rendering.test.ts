import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../../scripts/lib/hepdata/csv.ts';
import { tableGrid } from '../../../scripts/lib/hepdata/grid.ts';
import { plotModels } from '../../../scripts/lib/hepdata/plot-model.ts';
import type { PointsPlot, HeatmapPlot } from '../../../scripts/lib/hepdata/plot-model.ts';
import { plotSvg } from '../../../scripts/lib/hepdata/plot-svg.ts';
import { tableModel, totalUncertainty } from '../../../scripts/lib/hepdata/table-model.ts';

const entry = {
  name: 'Table 1',
  description: 'Cross section,\nwith a comma',
  data_file: 'data1.yaml',
  keywords: [{ name: 'cmenergies', values: [13000] }],
};

const spectrum = {
  independent_variables: [
    {
      header: { name: 'PT', units: 'GEV' },
      values: [
        { low: 1, high: 2 },
        { low: 2, high: 10 },
        { low: 10, high: 1000 },
        { low: 1000, high: Infinity },
      ],
    },
  ],
  dependent_variables: [
    {
      header: { name: 'DSIG/DPT', units: 'PB/GEV' },
      qualifiers: [{ name: 'SQRT(S)', value: 13000, units: 'GEV' }],
      values: [
        {
          value: 100,
          errors: [
            { symerror: 3, label: 'stat' },
            { symerror: '4%', label: 'sys' },
          ],
        },
        { value: '1.5', errors: [{ asymerror: { plus: 0.2, minus: -0.1 }, label: 'stat' }] },
        { value: 0.01, errors: [{ symerror: 0.001 }] },
        { value: 0.0001 },
      ],
    },
  ],
};

describe('HEPData table model', () => {
  const table = tableModel(entry, spectrum);

  it('turns percentages into absolute uncertainties and adds them in quadrature', () => {
    const first = table.dependent[0]!.values[0]!;
    expect(first.errors.map((e) => e.up)).toEqual([3, 4]);
    expect(totalUncertainty(first)).toEqual({ up: 5, down: 5 });
    expect(table.dependent[0]!.values[1]!.value).toBe(1.5);
    expect(table.independent[0]!.points[0]).toEqual({
      value: 1.5,
      low: 1,
      high: 2,
      text: '1–2',
    });
  });

  it('gives rows for an HTML table with the uncertainties as written', () => {
    const grid = tableGrid(table);
    expect(grid.columns.map((c) => c.label)).toEqual(['PT [GEV]', 'DSIG/DPT [PB/GEV]']);
    expect(grid.rows[0]![1]).toEqual({
      text: '100',
      errors: [
        { label: 'stat', text: '±3' },
        { label: 'sys', text: '±4%' },
      ],
    });
    expect(grid.rows[3]![0]!.text).toBe('1000–∞');
  });

  it('writes CSV as HEPData lays it out, quoted by RFC 4180', () => {
    const csv = tableCsv(table);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('#: name: Table 1');
    expect(lines[1]).toBe('#: description: Cross section, with a comma');
    expect(csv).toContain('#: SQRT(S) [GEV],,,13000,,,,');
    expect(csv).toContain(
      'PT [GEV],PT [GEV] LOW,PT [GEV] HIGH,DSIG/DPT [PB/GEV],stat +,stat -,sys +,sys -\r\n',
    );
    expect(csv).toContain('\r\n1.5,1,2,100,3,-3,4,-4\r\n');
    expect(csv).toContain(',1000,inf,0.0001,,,,\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('plots values that span decades on a logarithmic axis and leaves out infinite bins', () => {
    const [plot] = plotModels(table) as [PointsPlot];
    expect(plot.kind).toBe('points');
    expect(plot.y.scale).toBe('log');
    expect(plot.x.scale).toBe('log');
    expect(plot.series[0]!.points).toHaveLength(3);
    expect(plot.omitted).toBe(1);
    expect(plot.description).toMatch(/Logarithmic x and y axis/);
  });

  it('uses a category axis for text values and a linear one for a narrow range', () => {
    const [plot] = plotModels(
      tableModel(entry, {
        independent_variables: [
          { header: { name: 'Channel' }, values: [{ value: 'ee' }, { value: 'mumu' }] },
        ],
        dependent_variables: [{ header: { name: 'MU' }, values: [{ value: 1.1 }, { value: 0.9 }] }],
      }),
    ) as [PointsPlot];
    expect(plot.x.categories).toEqual(['ee', 'mumu']);
    expect(plot.y.scale).toBe('linear');
  });

  it('draws a table of two independent variables as a heat map', () => {
    const [plot] = plotModels(
      tableModel(entry, {
        independent_variables: [
          {
            header: { name: 'X' },
            values: [
              { low: 0, high: 1 },
              { low: 1, high: 2 },
              { low: 0, high: 1 },
              { low: 1, high: 2 },
            ],
          },
          {
            header: { name: 'Y' },
            values: [{ value: 0 }, { value: 0 }, { value: 1 }, { value: 1 }],
          },
        ],
        dependent_variables: [
          { header: { name: 'N' }, values: [1, 2, 3, 4].map((value) => ({ value })) },
        ],
      }),
    ) as [HeatmapPlot];
    expect(plot.kind).toBe('heatmap');
    expect(plot.cells[3]).toMatchObject({ xLow: 1, xHigh: 2, yLow: 0.5, yHigh: 1.5, z: 4 });
  });

  it('says why a table without an independent variable has no plot', () => {
    const [plot] = plotModels(
      tableModel(entry, {
        independent_variables: [],
        dependent_variables: [{ header: { name: 'N' }, values: [{ value: 1 }] }],
      }),
    );
    expect(plot).toEqual({
      kind: 'none',
      title: 'Table 1',
      reason: 'The table has no independent variable to plot against.',
    });
  });
});

describe('HEPData plot SVG', () => {
  const svg = plotSvg(plotModels(tableModel(entry, spectrum))[0]!, { id: 'fig-1' })!;

  it('is an accessible image: labelled by its title, described by its desc', () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="fig-1-title" aria-describedby="fig-1-desc"/,
    );
    expect(svg).toContain('<title id="fig-1-title">Table 1</title>');
    expect(svg).toMatch(/<desc id="fig-1-desc">DSIG\/DPT \[PB\/GEV\] against PT \[GEV\]: 3 points/);
    expect(svg).toContain('>PT [GEV]</text>');
  });

  it('labels a logarithmic axis in powers of ten and escapes text', () => {
    expect(svg).toContain('>10⁻³</text>');
    const escaped = plotSvg(
      plotModels(tableModel({ ...entry, name: 'A <b> & "c"' }, spectrum))[0]!,
      { id: 'x' },
    )!;
    expect(escaped).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(escaped).not.toContain('<b>');
  });

  it('is balanced markup with no script', () => {
    expect(svg).not.toMatch(/<script|on\w+=/i);
    const opened = (svg.match(/<[a-zA-Z]/g) ?? []).length;
    const selfClosed = (svg.match(/\/>/g) ?? []).length;
    const closed = (svg.match(/<\/[a-zA-Z]+>/g) ?? []).length;
    expect(opened - selfClosed).toBe(closed);
  });
});
