import type { CSSProperties, ReactNode } from 'react';

// An amount reads as one unit: "15.07亿元" or "RMB 1.5 billion" never breaks between figure and unit.
const AMOUNT_STYLE: CSSProperties = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' };
// A code (credit code, project code) is one token: never split, and monospace so look-alike characters differ.
const CODE_STYLE: CSSProperties = {
  whiteSpace: 'nowrap',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
};

// A leading English qualifier ("about", "over") may sit on the line above; the figure and its unit may not.
const QUALIFIED = /^([a-z]+) (.+)$/;

/** An amount as displayed text, its figure and unit kept on one line. */
export function AmountText({ children, testId }: { children: ReactNode; testId?: string }) {
  const qualified = typeof children === 'string' ? QUALIFIED.exec(children) : null;
  return (
    <span className="luodi-amount" data-testid={testId}>
      {qualified ? `${qualified[1]} ` : null}
      <span style={AMOUNT_STYLE}>{qualified ? qualified[2] : children}</span>
    </span>
  );
}

/** A registry or project code, on one line in a monospace face. */
export function CodeText({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <span className="luodi-code" style={CODE_STYLE} data-testid={testId}>
      {children}
    </span>
  );
}
