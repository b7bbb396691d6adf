// Project numbers (P + year + sequence) and, for registered projects, national investment project codes.
import { projectCodeCheckDigit } from '../../../domain/project-code.ts';
import type { DemoData } from './model.ts';
import { streamFor } from './random.ts';

/** Numbers projects in the order they were first recorded; returns the last sequence number used. */
export function assignProjectCodes(data: DemoData): number {
  const ordered = data.projects
    .map((project, index) => ({ project, index, first: project.timeline.history[0]?.on ?? '' }))
    .sort((a, b) => (a.first === b.first ? a.index - b.index : a.first < b.first ? -1 : 1));
  ordered.forEach(({ project, first }, i) => {
    project.code = `P${first.slice(0, 4)}${String(i + 1).padStart(6, '0')}`;
  });
  return ordered.length;
}

const CATEGORY_CODES = ['04', '07', '89'] as const;
const TYPE_CODES = ['01', '02', '03', '05'] as const;

/**
 * Gives some registered projects a GB/T 40058 code (YYMM-region-CC-TT-serial+check), assigned in the month of
 * registration; only codes from 2021 on, when the checked format applies.
 */
export function assignNationalCodes(data: DemoData): void {
  const random = streamFor(data.context.seed, 'national-codes');
  const taken = new Set<string>();
  for (const project of data.projects) {
    const registered = project.timeline.history.find((step) => step.to === 'registered');
    if (!registered || registered.on < '2021-01-01' || !random.chance(0.4)) continue;
    for (;;) {
      const head = `${registered.on.slice(2, 4)}${registered.on.slice(5, 7)}${project.regionCode.slice(0, 6)}${random.pick(CATEGORY_CODES)}${random.pick(TYPE_CODES)}${String(random.int(0, 99_999)).padStart(5, '0')}`;
      const digits = `${head}${projectCodeCheckDigit(head)}`;
      const code = `${digits.slice(0, 4)}-${digits.slice(4, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}-${digits.slice(14)}`;
      if (taken.has(code)) continue;
      taken.add(code);
      project.nationalCode = code;
      break;
    }
  }
}
