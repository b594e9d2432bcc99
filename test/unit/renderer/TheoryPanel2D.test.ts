// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import TheoryPanel2D from '../../../src-renderer/components/TheoryPanel2D.vue';
import type { ArmTheory2D, TheoryReport2D } from '../../../src-shared/theory2d/types';

const note = 'Limit constants q_i, q_ij are not computed in 2-D.';
const classes = [{ members: [1, 2], absorbing: true, largeMinima: [1] }];

/** A report as the lab answers it, small enough to read: two basins, an axes arm whose l*₁ is not ⌈r₁/b⌉. */
const report: TheoryReport2D = {
  dimension: 2,
  fields: [
    { index: 1, minimum: [-0.6756, -0.1689], f: -0.85, eigenvalues: [3.091, 3.2150458] },
    { index: 2, minimum: [0.8919, 0.7929], f: -0.94, eigenvalues: [57.7, 58.14] },
  ],
  saddles: [{ x: 0.3, y: 0.4, f: -0.1 }],
  basinMap: { nodes: 257, spacing: 0.015625 },
  arms: [
    {
      label: 'iso b=0.5', clip: 0.5, direction: 'isotropic', applicable: true,
      fields: [
        { index: 1, radius: 1.3231, lStar: 3, jumpsByRadius: 3, exponent: 1.6, large: true },
        { index: 2, radius: 0.402, lStar: 1, jumpsByRadius: 1, exponent: 1.2, large: false },
      ],
      edges: [[1, 2], [2, 1]], classes, irreducible: true, symmetric: true, largeMinima: [1],
      assumptions: { ok: true, messages: [] }, note,
    },
    {
      label: 'axes b=0.5', clip: 0.5, direction: 'axes', applicable: true,
      fields: [
        { index: 1, radius: 1.3231, lStar: 4, jumpsByRadius: 3, exponent: 2.2, large: true },
        { index: 2, radius: 0.402, lStar: 1, jumpsByRadius: 1, exponent: 1.2, large: false },
      ],
      edges: [[1, 2], [2, 1]], classes, irreducible: true, symmetric: true, largeMinima: [1],
      assumptions: { ok: true, messages: [] }, note,
    },
    {
      label: 'gauss', clip: null, applicable: false, fields: [], edges: [], classes: [], irreducible: false, symmetric: false,
      assumptions: { ok: false, messages: ['Gaussian noise is light-tailed: no jump structure, the exit-time theory does not apply.'] }, note,
    } as ArmTheory2D,
  ],
};

const mountPanel = (props: { report: TheoryReport2D | null; error?: string; loading?: boolean }) => mount(TheoryPanel2D, { props, global: { stubs: { ChartPanel: true } } });

describe('the 2-D theory panel', () => {
  it('marks itself as the R^d analysis and gives per basin mᵢ, eigenvalues, rᵢ, l*ᵢ, ⌈rᵢ/b⌉ and the exponent', () => {
    const w = mountPanel({ report });
    expect(w.get('.rd-mark').text()).toBe("Rd analysis · beyond the paper's R¹ theorems");
    expect(w.get('[data-testid="theory-2d-meta"]').text()).toContain('2 minima, 1 saddle · basin map 257 × 257 nodes, spacing h = 0.0156');
    const row = w.findAll('[data-theory-arm="0"] tbody tr')[0].findAll('td');
    expect(row.map((td) => td.text().replace(/\s+/g, ' '))).toEqual(['Ω1', '(-0.68, -0.17) 3.09, 3.22', '1.323', '3L', '3', '1.60']);
    expect(row[1].get('[data-testid="eigenvalues"]').text()).toBe('3.09, 3.22');
    expect(w.get('[data-theory-arm="0"] [data-large-summary]').text()).toBe('M^large = {m1}');
    expect(w.get('[data-theory-arm="0"]').text()).toContain('{m1, m2} absorbing');
    // One graph per applicable arm.
    expect(w.findAllComponents({ name: 'ChartPanel' }).length).toBe(2);
  });

  it('flags a basin whose l*ᵢ differs from ⌈rᵢ/b⌉ and says why, only for that arm', () => {
    const w = mountPanel({ report });
    expect(w.find('[data-theory-arm="0"] tr.differs').exists()).toBe(false);
    expect(w.find('[data-theory-arm="0"] [data-testid="differs-note"]').exists()).toBe(false);
    const flagged = w.findAll('[data-theory-arm="1"] tr.differs');
    expect(flagged.map((r) => r.attributes('data-basin'))).toEqual(['1']);
    expect(flagged[0].text()).toContain('≠');
    const why = w.get('[data-theory-arm="1"] [data-testid="differs-note"]').text();
    expect(why).toContain('gradient flow');
    expect(why).toContain('along the axes');
  });

  it('says that q is not computed in 2-D for every arm, and why an arm has no exponents', () => {
    const w = mountPanel({ report });
    expect(w.findAll('[data-testid="no-q-note"]').map((n) => n.text())).toEqual([note, note, note]);
    const gauss = w.get('[data-theory-arm="2"]').text();
    expect(gauss).toContain('light-tailed');
    expect(gauss).toContain('does not apply');
    expect(w.find('[data-theory-arm="2"] table').exists()).toBe(false);
  });

  it('shows the lab’s error, or that it is computing, instead of a report', () => {
    expect(mountPanel({ report: null, error: 'theory: boom' }).get('[role="alert"]').text()).toBe('theory: boom');
    const busy = mountPanel({ report: null, loading: true });
    expect(busy.text()).toContain('computing the basin map');
    expect(busy.get('section').attributes('aria-busy')).toBe('true');
    // While a newer report is asked for, the last one stays, marked as updating.
    expect(mountPanel({ report, loading: true }).get('[data-testid="theory-2d-meta"]').text()).toContain('updating…');
  });
});
