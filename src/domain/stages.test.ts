import { describe, expect, it } from 'vitest';
import {
  checkStageMove,
  type EvidenceKind,
  isAtOrBeyond,
  isIsoDate,
  requiredEvidence,
  STAGE_LABELS,
  STAGES,
  type Stage,
  type StageMove,
  stageRank,
} from './stages.ts';

const ALL_EVIDENCE: EvidenceKind[] = [
  'agreement',
  'business_license',
  'construction_permit',
  'production_report',
  'other',
];

function move(from: Stage, to: Stage, extra: Partial<StageMove> = {}): StageMove {
  return {
    from,
    to,
    on: '2025-06-10',
    today: '2025-06-15',
    previousChangeOn: '2025-06-01',
    reason: 'investor withdrew',
    evidenceKinds: ALL_EVIDENCE,
    ...extra,
  };
}

// Rows: from; columns in STAGES order: lead negotiating signed registered construction production full_output dropped.
// ok = allowed, same/back/skip/final = the error code stage.<word>.
const MATRIX: Record<Stage, string> = {
  lead: 'same ok ok skip skip skip skip ok',
  negotiating: 'back same ok skip skip skip skip ok',
  signed: 'back back same ok skip skip skip ok',
  registered: 'back back back same ok skip skip ok',
  construction: 'back back back back same ok skip ok',
  production: 'back back back back back same ok ok',
  full_output: 'back back back back back back same ok',
  dropped: 'final final final final final final final final',
};

const CODES: Record<string, string> = {
  same: 'stage.same',
  back: 'stage.backward',
  skip: 'stage.skip',
  final: 'stage.final',
};

const PAIRS = STAGES.flatMap((from) =>
  STAGES.map((to, i) => [from, to, MATRIX[from].split(' ')[i] ?? '?'] as const),
);

describe('checkStageMove: every from/to pair', () => {
  it.each(PAIRS)('%s -> %s: %s', (from, to, outcome) => {
    const result = checkStageMove(move(from, to));
    if (outcome === 'ok') {
      expect(result).toEqual({ ok: true, value: true });
    } else {
      expect(!result.ok && result.error.code).toBe(CODES[outcome]);
    }
  });
});

describe('checkStageMove: messages', () => {
  it.each([
    ['signed', 'negotiating', '不能从“签约”退回“在谈”', 'Cannot move back from Signed to Negotiating'],
    ['signed', 'construction', '下一阶段应为“注册”', 'the next stage is Registered'],
    ['lead', 'registered', '下一阶段应为“签约”', 'the next stage is Signed'],
    ['dropped', 'lead', '项目已终止', 'dropped'],
    ['signed', 'signed', '已处于“签约”', 'already at stage Signed'],
  ] as const)('%s -> %s', (from, to, zh, en) => {
    const result = checkStageMove(move(from, to));
    expect(!result.ok && result.error.zh).toContain(zh);
    expect(!result.ok && result.error.en).toContain(en);
  });
});

describe('checkStageMove: dropping needs a reason', () => {
  it.each([[undefined], [''], ['   ']])('reason %j', (reason) => {
    const m = move('negotiating', 'dropped');
    const { reason: _omit, ...rest } = m;
    const result = checkStageMove(reason === undefined ? rest : { ...rest, reason });
    expect(!result.ok && result.error.code).toBe('stage.reason_required');
  });

  it('needs no document', () => {
    expect(checkStageMove(move('construction', 'dropped', { evidenceKinds: [] })).ok).toBe(true);
  });
});

describe('checkStageMove: required documents', () => {
  it.each([
    ['lead', 'signed', '签约需上传签约协议', 'Signing needs the signed agreement'],
    ['negotiating', 'signed', '签约需上传签约协议', 'Signing needs the signed agreement'],
    ['signed', 'registered', '注册需上传营业执照', 'Registration needs the business license'],
    [
      'registered',
      'construction',
      '开工需上传施工许可证',
      'Construction start needs the construction permit',
    ],
    ['construction', 'production', '投产需上传投产报告', 'Production start needs the production report'],
  ] as const)('%s -> %s without documents', (from, to, zh, en) => {
    const result = checkStageMove(move(from, to, { evidenceKinds: ['other'] }));
    expect(result).toEqual({ ok: false, error: { code: 'stage.evidence', zh, en } });
  });

  it.each([
    ['lead', 'negotiating'],
    ['production', 'full_output'],
  ] as const)('%s -> %s needs none', (from, to) => {
    expect(checkStageMove(move(from, to, { evidenceKinds: [] })).ok).toBe(true);
  });

  it('accepts the one document that is needed', () => {
    expect(
      checkStageMove(move('registered', 'construction', { evidenceKinds: ['construction_permit'] })).ok,
    ).toBe(true);
  });
});

describe('checkStageMove: dates', () => {
  it.each([
    [{ on: '2025-6-10' }, 'stage.date'],
    [{ on: '2025-02-29' }, 'stage.date'],
    [{ on: '2025-13-01' }, 'stage.date'],
    [{ on: '' }, 'stage.date'],
    [{ today: '15/06/2025' }, 'stage.date'],
    [{ previousChangeOn: '2025-04-31' }, 'stage.date'],
    [{ on: '2025-06-16' }, 'stage.future'],
    [{ on: '2025-05-31' }, 'stage.before_previous'],
  ] as const)('%j -> %s', (extra, code) => {
    const result = checkStageMove(move('lead', 'negotiating', extra));
    expect(!result.ok && result.error.code).toBe(code);
  });

  it.each([
    [{ on: '2025-06-15' }],
    [{ on: '2025-06-01' }],
    [{ on: '2024-02-29', today: '2024-03-01', previousChangeOn: '2024-01-01' }],
  ])('accepts %j', (extra) => {
    expect(checkStageMove(move('lead', 'negotiating', extra)).ok).toBe(true);
  });

  it('works without a previous change', () => {
    const { previousChangeOn: _omit, ...first } = move('lead', 'negotiating', { on: '2001-01-01' });
    expect(checkStageMove(first).ok).toBe(true);
  });

  it('names the bad date', () => {
    const result = checkStageMove(move('lead', 'negotiating', { on: '2025-02-30' }));
    expect(!result.ok && result.error.en).toContain('"2025-02-30"');
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2025-12-31', true],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-01-1', false],
    [' 2025-01-01', false],
  ] as const)('%j -> %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('ranks and labels', () => {
  it.each([
    ['lead', 0],
    ['negotiating', 1],
    ['signed', 2],
    ['registered', 3],
    ['construction', 4],
    ['production', 5],
    ['full_output', 6],
    ['dropped', -1],
  ] as const)('stageRank(%s) = %d', (stage, rank) => {
    expect(stageRank(stage)).toBe(rank);
  });

  it.each([
    ['construction', 'construction', true],
    ['production', 'construction', true],
    ['full_output', 'signed', true],
    ['registered', 'construction', false],
    ['lead', 'signed', false],
    ['dropped', 'lead', false],
    ['dropped', 'construction', false],
    ['dropped', 'dropped', true],
    ['signed', 'dropped', false],
  ] as const)('isAtOrBeyond(%s, %s) = %s', (stage, target, expected) => {
    expect(isAtOrBeyond(stage, target)).toBe(expected);
  });

  it.each([
    ['signed', 'agreement'],
    ['registered', 'business_license'],
    ['construction', 'construction_permit'],
    ['production', 'production_report'],
    ['lead', null],
    ['negotiating', null],
    ['full_output', null],
    ['dropped', null],
  ] as const)('requiredEvidence(%s) = %s', (stage, kind) => {
    expect(requiredEvidence(stage)).toBe(kind);
  });

  it('labels every stage as the brief names them', () => {
    expect(STAGES.map((s) => STAGE_LABELS[s].zh).join(' ')).toBe('线索 在谈 签约 注册 开工 投产 达产 终止');
  });
});
