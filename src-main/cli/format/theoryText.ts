import type { TheoryReport } from '../../../src-shared/theory/types';
import { largeMinimaText } from '../../../src-shared/theory/largeMinimaText';
import { num, table } from './table';
import type { TheoryReport2D } from '../../../src-shared/theory2d/types';
import { theoryText2d } from './theoryText2d';

/** The numerical error of q_i: exact for closed forms, else one significant digit. */
function qErrorText(error: number | undefined): string {
  if (error === undefined) return '—';
  return error === 0 ? 'exact' : error.toExponential(0);
}

/** `lab theory` for people: the fields, then per arm l*, exponents, the graph and its classes. */
export function theoryText(report: TheoryReport | TheoryReport2D): string {
  if ('dimension' in report) return theoryText2d(report);
  const out: string[] = [];
  out.push('Attraction fields Ω_i = (s_{i−1}, s_i)');
  out.push(table(['i', 'm_i', 'left', 'right'], report.fields.map((f) => [f.index, f.minimum, f.left, f.right])));
  for (const arm of report.arms) {
    out.push('');
    out.push(`Arm "${arm.label}" — ${arm.clip === null ? 'unclipped' : `clip b = ${arm.clip}`}`);
    if (!arm.assumptions.ok) for (const m of arm.assumptions.messages) out.push(`  ! ${m}`);
    if (!arm.applicable) {
      if (arm.assumptions.ok) for (const m of arm.assumptions.messages) out.push(`  ${m}`);
      out.push('  Theorem 1 does not apply to this arm: no predictions.');
      continue;
    }
    const withEta = report.eta !== undefined;
    if (arm.tail) {
      const h = arm.tail.h === undefined ? '' : `, h = H(1/η) = ${num(arm.tail.h)}`;
      out.push(`  tail: alpha = ${num(arm.tail.alpha)}, pPlus = ${num(arm.tail.pPlus)}${h}`);
    }
    const header = ['i', 'r_i', 'l*_i', 'β_i', 'large in class', ...(withEta ? ['q_i', '± (numerical)', 'exits to (q_ij/q_i)', 'predicted mean σ'] : [])];
    const rows = arm.fields.map((f) => [
      f.index,
      f.radius,
      f.lStar,
      f.exponent,
      f.large ? 'yes' : '',
      ...(withEta
        ? [
            f.q ?? '—',
            qErrorText(f.qError),
            Object.entries(f.qTo ?? {})
              .map(([j, q]) => `Ω${j}: ${num(f.q ? q / f.q : NaN)}`)
              .join(', '),
            f.predictedMeanExit ?? '—',
          ]
        : []),
    ]);
    out.push(table(header, rows as (string | number)[][]));
    out.push(`  typical transitions: ${arm.edges.map(([i, j]) => `${i}→${j}`).join(' ') || 'none'}`);
    out.push(
      `  classes: ${arm.classes.map((c) => `{${c.members.map((m) => `m${m}`).join(', ')}} ${c.absorbing ? 'absorbing' : 'transient'}`).join('; ')}`,
    );
    out.push(`  irreducible: ${arm.irreducible ? 'yes' : 'no'}   symmetric: ${arm.symmetric ? 'yes' : 'no'}`);
    out.push(`  ${largeMinimaText(arm)}`);
  }
  if (report.eta !== undefined) out.push('', `η = ${report.eta}`);
  return out.join('\n');
}
