// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SigningView } from '../../../contracts/signing.ts';
import { LocaleProvider } from '../../i18n/locale.tsx';
import { CodeStep } from './code-step.tsx';

afterEach(cleanup);

/** The parts of a signer's view the code step reads. */
const viewWith = (isLocked: boolean) =>
  ({
    signer: { contact: 'w***@example.gov.cn' },
    code: { isVerified: false, sentAt: null, expiresAt: null, canResendAt: null, isLocked },
  }) as unknown as SigningView;

function renderStep(isLocked: boolean) {
  render(
    <LocaleProvider initial="en-US">
      <CodeStep token="t" view={viewWith(isLocked)} onVerified={() => {}} onRefresh={() => {}} />
    </LocaleProvider>,
  );
}

describe('CodeStep', () => {
  it('offers to send a code on an open link', () => {
    renderStep(false);
    expect(screen.getByTestId('sign-code-send')).toBeTruthy();
    expect(screen.queryByTestId('sign-code-locked')).toBeNull();
  });

  it('shows a locked link as locked, with no way to ask for or type a code', () => {
    renderStep(true);
    expect(screen.getByTestId('sign-code-locked').textContent).toContain('Ask the agreement’s organizer');
    expect(screen.queryByTestId('sign-code-send')).toBeNull();
    expect(screen.queryByTestId('sign-code-input')).toBeNull();
  });
});
