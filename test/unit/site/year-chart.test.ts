import { describe, expect, it } from 'vitest';
import { yearChart } from '../../../scripts/lib/site/year-chart.ts';

describe('yearChart', () => {
  it('draws one bar per year from the first to the last, empty years included', () => {
    const chart = yearChart(
      new Map([
        ['2016', 4],
        ['2019', 1],
        ['2017', 2],
      ]),
    );
    expect(chart.bars.map((bar) => [bar.year, bar.count])).toEqual([
      ['2016', 4],
      ['2017', 2],
      ['2018', 0],
      ['2019', 1],
    ]);
    expect(chart.bars[2]?.height).toBe(0);
  });

  it('scales bars to the tallest and stands them on the axis', () => {
    const chart = yearChart(
      new Map([
        ['2020', 10],
        ['2021', 5],
      ]),
      { width: 400, height: 200 },
    );
    const [tall, half] = chart.bars;
    expect((tall?.y ?? 0) + (tall?.height ?? 0)).toBeCloseTo(chart.plot.bottom, 0);
    expect(half?.height).toBeCloseTo((tall?.height ?? 0) / 2, 0);
    expect(chart.ticks.map((tick) => tick.label)).toEqual(['0', '2', '4', '6', '8', '10']);
  });

  it('labels every year when they fit, fewer when they do not, always the last', () => {
    const few = yearChart(
      new Map([
        ['2020', 1],
        ['2022', 1],
      ]),
    );
    expect(few.bars.every((bar) => bar.labelled)).toBe(true);
    const many = yearChart(
      new Map([
        ['1990', 1],
        ['2024', 1],
      ]),
      { width: 320 },
    );
    expect(many.bars.filter((bar) => bar.labelled).length).toBeLessThan(many.bars.length);
    expect(many.bars.at(-1)?.labelled).toBe(true);
  });

  it('sums it up in a sentence for screen readers', () => {
    expect(
      yearChart(
        new Map([
          ['2016', 4],
          ['2017', 2],
        ]),
      ).summary,
    ).toBe('6 records from 2016 to 2017; the most, 4, in 2016.');
    expect(yearChart(new Map()).summary).toBe('No records yet.');
  });
});
