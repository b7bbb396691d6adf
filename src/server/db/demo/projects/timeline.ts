// Stage histories: dated, strictly increasing, never past the demo's as-of date.
import type { Stage } from '../../../../domain/stages.ts';
import { addDays } from '../dates.ts';
import type { StageStep, Timeline } from '../model.ts';
import type { Random } from '../random.ts';

const DROP_REASONS = [
  '投资方资金链紧张，无法按约定出资',
  '投资方战略调整，取消在闽布局',
  '项目用地规划调整，选址无法落实',
  '环评未通过，项目终止',
  '市场需求变化，投资方暂停扩产计划',
  '双方在股权比例上未能达成一致',
  '投资方被并购，新股东不再推进该项目',
  '产品技术路线变更，原方案不再可行',
];

const STEP_NOTES: Partial<Record<Stage, string>> = {
  negotiating: '进入实质性洽谈',
  registered: '完成工商注册登记',
  construction: '取得施工许可证，项目开工',
  production: '竣工投产',
  full_output: '达产达标',
};

export interface SignedProfile {
  /** Chance the project stops short of full output and stays at an earlier stage (a stalled project). */
  stallChance: number;
  /** Chance the project is dropped after signing. */
  dropChance: number;
}

export const TYPICAL_SIGNED: SignedProfile = { stallChance: 0.3, dropChance: 0.08 };
/** The 28 expo projects and similar showcase batches: nobody dropped (yet). */
export const NO_DROP: SignedProfile = { stallChance: 0.2, dropChance: 0 };

function step(
  history: StageStep[],
  to: Stage,
  on: string,
  note: string | null = STEP_NOTES[to] ?? null,
): void {
  const from = history.at(-1)?.to ?? null;
  history.push({ from, to, on, note });
}

function finish(history: StageStep[], signedOn: string | null, droppedReason: string | null): Timeline {
  const last = history.at(-1);
  if (!last) throw new Error('demo: empty stage history');
  return { stage: last.to, stageChangedOn: last.on, signedOn, droppedReason, history };
}

/**
 * A project signed on `signedOn`: lead and negotiation before it, then registration, construction, production
 * and full output as far as time (and luck) allows by `asOf`.
 */
export function signedTimeline(
  random: Random,
  signedOn: string,
  asOf: string,
  profile: SignedProfile,
  signNote: string | null,
): Timeline {
  const leadGap = random.int(45, 420);
  const negotiationGap = random.int(7, Math.min(leadGap - 1, 150));
  const history: StageStep[] = [];
  step(history, 'lead', addDays(signedOn, -leadGap), null);
  step(history, 'negotiating', addDays(signedOn, -negotiationGap));
  step(history, 'signed', signedOn, signNote);
  const isDropped = random.chance(profile.dropChance);
  const stopsAt: Stage = isDropped
    ? random.weighted<Stage>([
        ['signed', 5],
        ['registered', 3],
        ['construction', 2],
      ])
    : random.chance(profile.stallChance)
      ? random.weighted<Stage>([
          ['signed', 3],
          ['registered', 3],
          ['construction', 3],
          ['production', 2],
        ])
      : 'full_output';
  const gaps: [Stage, number, number][] = [
    ['registered', 15, 120],
    ['construction', 30, 240],
    ['production', 300, 720],
    ['full_output', 180, 540],
  ];
  let on = signedOn;
  for (const [stage, min, max] of gaps) {
    if (history.at(-1)?.to === stopsAt) break;
    const next = addDays(on, random.int(min, max));
    if (next > asOf) break;
    step(history, stage, next);
    on = next;
  }
  let reason: string | null = null;
  if (isDropped) {
    const dropOn = addDays(on, random.int(90, 500));
    if (dropOn <= asOf) {
      reason = random.pick(DROP_REASONS);
      step(history, 'dropped', dropOn, reason);
    }
  }
  return finish(history, signedOn, reason);
}

/** A project not (yet) signed: a lead, under negotiation, or dropped during talks; first recorded on leadOn. */
export function unsignedTimeline(
  random: Random,
  target: 'lead' | 'negotiating' | 'dropped',
  leadOn: string,
  asOf: string,
): Timeline {
  const history: StageStep[] = [];
  step(history, 'lead', leadOn, null);
  let on = leadOn;
  if (target !== 'lead') {
    on = addDays(leadOn, random.int(10, 150));
    if (on > asOf) on = addDays(leadOn, 1);
    step(history, 'negotiating', on);
  }
  let reason: string | null = null;
  if (target === 'dropped') {
    const dropOn = addDays(on, random.int(30, 300));
    reason = random.pick(DROP_REASONS);
    step(history, 'dropped', dropOn > asOf ? addDays(on, 1) : dropOn, reason);
  }
  return finish(history, null, reason);
}

/** A project that reached negotiation at known dates and stays there (e.g. the cloud negotiations of 2022). */
export function negotiatingTimeline(leadOn: string, negotiatingOn: string, note: string): Timeline {
  const history: StageStep[] = [];
  step(history, 'lead', leadOn, null);
  step(history, 'negotiating', negotiatingOn, note);
  return finish(history, null, null);
}
