// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DatePicker, Form, Input } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AmountText, CodeText } from './figure-text.tsx';
import { SafeForm, SubmitButton } from './safe-form.tsx';

afterEach(cleanup);

interface Values {
  name?: string;
  on?: unknown;
}

function DemoForm({ onFinish }: { onFinish(values: Values): unknown }) {
  return (
    <SafeForm<Values> onFinish={onFinish}>
      <Form.Item name="name">
        <Input data-testid="name" />
      </Form.Item>
      <Form.Item name="on">
        <DatePicker data-testid="date" />
      </Form.Item>
      <SubmitButton data-testid="save">save</SubmitButton>
    </SafeForm>
  );
}

// happy-dom has no implicit submission: do what a browser does when a keydown's default is not prevented.
function pressEnter(input: HTMLElement) {
  const isDefault = fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  if (isDefault) input.closest('form')?.requestSubmit();
}

describe('SafeForm', () => {
  it('does not submit when Enter is pressed in a date field', async () => {
    const onFinish = vi.fn();
    render(<DemoForm onFinish={onFinish} />);
    const date = screen.getByTestId('date');
    const submits = vi.fn();
    date.closest('form')?.addEventListener('submit', submits);
    fireEvent.change(date, { target: { value: '2024-05-01' } });
    pressEnter(date);
    expect(submits).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('save'));
    expect(submits).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
  });

  it('still submits on Enter in a text field', async () => {
    const onFinish = vi.fn();
    render(<DemoForm onFinish={onFinish} />);
    pressEnter(screen.getByTestId('name'));
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
  });

  it('sends one request for a double click on save, and saves again once it is answered', async () => {
    let answer: () => void = () => undefined;
    const request = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    render(<DemoForm onFinish={request} />);
    const save = screen.getByTestId('save');
    fireEvent.click(save);
    await waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    // The second click of the pair, and a submit from any other source (Enter, a modal's OK), while it is in flight.
    fireEvent.click(save);
    fireEvent.submit(save.closest('form') as HTMLFormElement);
    await waitFor(() => expect(save.className).toContain('ant-btn-loading'));
    answer();
    await waitFor(() => expect(save.className).not.toContain('ant-btn-loading'));
    expect(request).toHaveBeenCalledTimes(1);
    fireEvent.click(save);
    await waitFor(() => expect(request).toHaveBeenCalledTimes(2));
  });
});

describe('figure text', () => {
  it.each([
    ['15.07亿元', '15.07亿元'],
    ['about RMB 133 million', 'RMB 133 million'],
  ])('keeps the figure and unit of %s on one line', (text, oneLine) => {
    render(<AmountText testId="amount">{text}</AmountText>);
    const amount = screen.getByTestId('amount');
    expect(amount.textContent).toBe(text);
    const kept = [...amount.querySelectorAll('span')].find((span) => span.style.whiteSpace === 'nowrap');
    expect(kept?.textContent).toBe(oneLine);
  });

  it('keeps a credit code on one line in a monospace face', () => {
    render(<CodeText testId="code">91350500MA2Y0XXXXX</CodeText>);
    const code = screen.getByTestId('code');
    expect(code.style.whiteSpace).toBe('nowrap');
    expect(code.style.fontFamily).toContain('monospace');
  });
});
