// Deterministic randomness for the demo data: the same seed always gives the same rows.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A standard normal variate (Box–Muller). */
  normal(): number;
  shuffle<T>(items: readonly T[]): T[];
  /** A version-4-shaped UUID drawn from this stream. */
  uuid(): string;
}

/** mulberry32: tiny, fast and good enough for demo data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('demo: pick from an empty list');
    return item;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = entries.at(-1);
      if (!last) throw new Error('demo: weighted pick from an empty list');
      return last[0];
    },
    normal() {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const a = out[i] as T;
        out[i] = out[j] as T;
        out[j] = a;
      }
      return out;
    },
    uuid() {
      const hex = Array.from({ length: 4 }, () =>
        Math.floor(next() * 4294967296)
          .toString(16)
          .padStart(8, '0'),
      ).join('');
      const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}

/** A separate stream per part of the demo, so editing one part leaves the others' rows unchanged. */
export function streamFor(seed: number, name: string): Random {
  let hash = 2166136261;
  for (const ch of name) hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 16777619);
  return createRandom((seed ^ hash) >>> 0);
}

export interface SplitOptions {
  /** Every part is a whole multiple of this (e.g. 10,000 yuan = 1万元). */
  unit: number;
  min: number;
  max: number;
  /** Spread of the log-normal weights: 0 gives equal parts, 1 a realistic skew. */
  spread: number;
}

/**
 * Splits an exact total into `count` plausible amounts, each in [min, max] and a multiple of unit,
 * summing to the total exactly (published totals must add up to the yuan).
 */
export function splitAmount(random: Random, total: number, count: number, options: SplitOptions): number[] {
  const { unit } = options;
  if (count === 0) {
    if (total !== 0) throw new Error(`demo: cannot split ${total} into 0 parts`);
    return [];
  }
  if (total % unit !== 0) throw new Error(`demo: total ${total} is not a multiple of ${unit}`);
  const units = total / unit;
  const minUnits = Math.ceil(options.min / unit);
  const maxUnits = Math.floor(options.max / unit);
  if (count * minUnits > units || count * maxUnits < units) {
    throw new Error(
      `demo: cannot split ${total} into ${count} parts between ${options.min} and ${options.max}`,
    );
  }
  const weights = Array.from({ length: count }, () => Math.exp(options.spread * random.normal()));
  const fixed = new Map<number, number>();
  const values = new Array<number>(count).fill(0);
  // Water-filling: scale the free parts to the remaining total, pin any that leave [min, max], repeat.
  for (;;) {
    const remaining = units - [...fixed.values()].reduce((a, b) => a + b, 0);
    const free = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const weightSum = free.reduce((sum, i) => sum + (weights[i] ?? 0), 0);
    let isPinned = false;
    for (const i of free) {
      const value = ((weights[i] ?? 0) * remaining) / weightSum;
      values[i] = value;
      if (value < minUnits) {
        fixed.set(i, minUnits);
        isPinned = true;
      } else if (value > maxUnits) {
        fixed.set(i, maxUnits);
        isPinned = true;
      }
    }
    if (!isPinned) break;
  }
  const parts = values.map(
    (value, i) => fixed.get(i) ?? Math.max(minUnits, Math.min(maxUnits, Math.floor(value))),
  );
  let remainder = units - parts.reduce((a, b) => a + b, 0);
  // Hand out what rounding left over, one unit at a time, to parts that still have room.
  const order = parts
    .map((_, i) => i)
    .sort((a, b) => (values[b] ?? 0) - (parts[b] ?? 0) - ((values[a] ?? 0) - (parts[a] ?? 0)));
  while (remainder !== 0) {
    let isMoved = false;
    for (const i of order) {
      if (remainder === 0) break;
      const part = parts[i] ?? 0;
      if (remainder > 0 && part < maxUnits) {
        parts[i] = part + 1;
        remainder--;
        isMoved = true;
      } else if (remainder < 0 && part > minUnits) {
        parts[i] = part - 1;
        remainder++;
        isMoved = true;
      }
    }
    if (!isMoved) throw new Error(`demo: could not place the remainder splitting ${total}`);
  }
  return random.shuffle(parts.map((part) => part * unit));
}
