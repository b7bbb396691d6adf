import { err, ok, type Result, type RuleError } from './result.ts';

export const STAGES = [
  'lead',
  'negotiating',
  'signed',
  'registered',
  'construction',
  'production',
  'full_output',
  'dropped',
] as const;

export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  lead: { zh: '线索', en: 'Lead' },
  negotiating: { zh: '在谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  registered: { zh: '注册', en: 'Registered' },
  construction: { zh: '开工', en: 'Construction started' },
  production: { zh: '投产', en: 'In production' },
  full_output: { zh: '达产', en: 'Full output' },
  dropped: { zh: '终止', en: 'Dropped' },
};

export const EVIDENCE_KINDS = [
  'agreement',
  'business_license',
  'construction_permit',
  'production_report',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_LABELS: Record<EvidenceKind, { zh: string; en: string }> = {
  agreement: { zh: '签约协议', en: 'signed agreement' },
  business_license: { zh: '营业执照', en: 'business license' },
  construction_permit: { zh: '施工许可证', en: 'construction permit' },
  production_report: { zh: '投产报告', en: 'production report' },
  other: { zh: '其他材料', en: 'other document' },
};

const REQUIRED_EVIDENCE: Partial<Record<Stage, { kind: EvidenceKind; actionEn: string }>> = {
  signed: { kind: 'agreement', actionEn: 'Signing' },
  registered: { kind: 'business_license', actionEn: 'Registration' },
  construction: { kind: 'construction_permit', actionEn: 'Construction start' },
  production: { kind: 'production_report', actionEn: 'Production start' },
};

/** The document a move into this stage must carry, or null when none is required. */
export function requiredEvidence(to: Stage): EvidenceKind | null {
  return REQUIRED_EVIDENCE[to]?.kind ?? null;
}

export interface StageMove {
  from: Stage;
  to: Stage;
  /** YYYY-MM-DD: the day the project reached the new stage. */
  on: string;
  reason?: string;
  evidenceKinds: EvidenceKind[];
  /** YYYY-MM-DD of the project's previous stage change, if any. */
  previousChangeOn?: string;
  /** YYYY-MM-DD, passed in so the rule stays pure. */
  today: string;
}

/** lead 0 … full_output 6; dropped -1 (outside the forward line). */
export function stageRank(stage: Stage): number {
  return stage === 'dropped' ? -1 : STAGES.indexOf(stage);
}

/** True when the stage has reached the target on the forward line; a dropped project has reached nothing. */
export function isAtOrBeyond(stage: Stage, target: Stage): boolean {
  if (stage === 'dropped' || target === 'dropped') return stage === target;
  return stageRank(stage) >= stageRank(target);
}

const SIGNED_RANK = 2;

function fail(code: string, zh: string, en: string): Result<never, RuleError> {
  return err({ code, zh, en });
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function dateError(fieldZh: string, fieldEn: string, value: string): Result<never, RuleError> {
  return fail(
    'stage.date',
    `${fieldZh}“${value}”不是有效日期（应为YYYY-MM-DD）`,
    `${fieldEn} "${value}" is not a valid date (expected YYYY-MM-DD)`,
  );
}

/** Checks one stage change against the lifecycle rules; the first broken rule is returned. */
export function checkStageMove(move: StageMove): Result<true, RuleError> {
  const { from, to } = move;
  const fromLabel = STAGE_LABELS[from];
  const toLabel = STAGE_LABELS[to];

  if (from === 'dropped') {
    return fail(
      'stage.final',
      '项目已终止，不能再变更阶段',
      'The project is dropped; its stage cannot change any more',
    );
  }
  if (from === to) {
    return fail(
      'stage.same',
      `项目已处于“${fromLabel.zh}”阶段`,
      `The project is already at stage ${fromLabel.en}`,
    );
  }
  if (to === 'dropped') {
    if ((move.reason ?? '').trim() === '') {
      return fail('stage.reason_required', '终止项目必须填写原因', 'Dropping a project needs a reason');
    }
  } else if (stageRank(to) < stageRank(from)) {
    return fail(
      'stage.backward',
      `不能从“${fromLabel.zh}”退回“${toLabel.zh}”`,
      `Cannot move back from ${fromLabel.en} to ${toLabel.en}`,
    );
  } else if (stageRank(to) > Math.max(stageRank(from) + 1, SIGNED_RANK)) {
    // Before signing any step up to 签约 is allowed; from 签约 on, stages are taken one at a time.
    const next = STAGES[Math.max(stageRank(from) + 1, SIGNED_RANK)] ?? 'signed';
    return fail(
      'stage.skip',
      `不能从“${fromLabel.zh}”直接进入“${toLabel.zh}”，下一阶段应为“${STAGE_LABELS[next].zh}”`,
      `Cannot go straight from ${fromLabel.en} to ${toLabel.en}; the next stage is ${STAGE_LABELS[next].en}`,
    );
  }

  if (!isIsoDate(move.on)) return dateError('变更日期', 'Date', move.on);
  if (!isIsoDate(move.today)) return dateError('今天', 'Today', move.today);
  if (move.previousChangeOn !== undefined && !isIsoDate(move.previousChangeOn)) {
    return dateError('上次变更日期', 'Previous change date', move.previousChangeOn);
  }
  // ISO dates compare correctly as strings.
  if (move.on > move.today) {
    return fail(
      'stage.future',
      `变更日期${move.on}晚于今天（${move.today}）`,
      `The date ${move.on} is after today (${move.today})`,
    );
  }
  if (move.previousChangeOn !== undefined && move.on < move.previousChangeOn) {
    return fail(
      'stage.before_previous',
      `变更日期${move.on}早于上次阶段变更（${move.previousChangeOn}）`,
      `The date ${move.on} is before the previous stage change (${move.previousChangeOn})`,
    );
  }

  const requirement = REQUIRED_EVIDENCE[to];
  if (requirement && !move.evidenceKinds.includes(requirement.kind)) {
    const doc = EVIDENCE_LABELS[requirement.kind];
    return fail(
      'stage.evidence',
      `${toLabel.zh}需上传${doc.zh}`,
      `${requirement.actionEn} needs the ${doc.en}`,
    );
  }
  return ok(true);
}
