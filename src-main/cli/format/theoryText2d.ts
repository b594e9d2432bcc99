import type { TheoryReport2D } from '../../../src-shared/theory2d/types';
import { NO_LIMIT_CONSTANTS_NOTE } from '../../../src-shared/theory2d/report';
import { num, table } from './table';

/** `lab theory` for a 2-D landscape: minima, saddles, then per arm r_i, l*_i beside ⌈r_i/b⌉, exponents. */
export function theoryText2d(report: TheoryReport2D): string {
  const out: string[] = [];
  out.push(`Minima (basin map ${report.basinMap.nodes}² nodes, spacing ${num(report.basinMap.spacing)})`);
  out.push(table(['i', 'x', 'y', 'f', 'Hessian eigenvalues'], report.fields.map((f) => [f.index, f.minimum[0], f.minimum[1], f.f, f.eigenvalues.map(num).join(', ')])));
  out.push('', 'Index-1 saddles');
  out.push(table(['x', 'y', 'f'], report.saddles.map((s) => [s.x, s.y, s.f])));
  for (const arm of report.arms) {
    out.push('');
    const tail = arm.tail ? `, tail α = ${num(arm.tail.alpha)}, p₊ = ${num(arm.tail.pPlus)}` : '';
    out.push(`Arm "${arm.label}" — ${arm.clip === null ? 'unclipped' : `clip b = ${arm.clip}`}${arm.direction ? `, ${arm.direction} noise` : ''}${tail}`);
    if (!arm.assumptions.ok) for (const m of arm.assumptions.messages) out.push(`  ! ${m}`);
    if (!arm.applicable) continue;
    out.push(table(['basin', 'r_i', 'l*_i', '⌈r_i/b⌉', 'exponent', 'large'], arm.fields.map((f) => [f.index, f.radius, f.lStar, f.jumpsByRadius ?? '—', f.exponent, f.large ? 'yes' : ''])));
    out.push(`  edges: ${arm.edges.map(([i, j]) => `${i}→${j}`).join(', ') || 'none'}`);
  }
  out.push('', NO_LIMIT_CONSTANTS_NOTE);
  return out.join('\n');
}
