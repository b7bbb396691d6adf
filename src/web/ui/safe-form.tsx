import { Button, type ButtonProps, Form, type FormProps } from 'antd';
import { createContext, type KeyboardEvent, type ReactNode, useContext, useRef, useState } from 'react';

// Enter in these picks a date or an option; the browser would also submit the form (and create a duplicate).
const PICKER_SELECTOR = '.ant-picker, .ant-select, .ant-cascader';

/** True when Enter in this element should pick a value rather than submit the surrounding form. */
export function isPickerKey(event: KeyboardEvent<HTMLElement>): boolean {
  const target = event.target as HTMLElement | null;
  return event.key === 'Enter' && Boolean(target?.closest?.(PICKER_SELECTOR));
}

const SubmittingContext = createContext(false);

export interface SafeFormProps<Values> extends Omit<FormProps<Values>, 'onFinish'> {
  /** Called once per submission; later submissions are ignored until its promise settles. */
  onFinish?: (values: Values) => unknown;
  children?: ReactNode;
}

/**
 * The antd Form every page uses: Enter in a date picker or select never submits, and a second submit
 * while the first request is in flight is dropped, so a double click or a held Enter saves once.
 */
export function SafeForm<Values>({ onFinish, onKeyDown, children, ...props }: SafeFormProps<Values>) {
  const isPending = useRef(false);
  const [isSubmitting, setSubmitting] = useState(false);

  async function guardedFinish(values: Values) {
    if (isPending.current || !onFinish) return;
    isPending.current = true;
    setSubmitting(true);
    try {
      await onFinish(values);
    } catch {
      // The page shows a failed request itself (its catch or mutation onError); here it only ends the guard.
    } finally {
      isPending.current = false;
      setSubmitting(false);
    }
  }

  return (
    <Form<Values>
      {...props}
      onFinish={(values) => void guardedFinish(values)}
      onKeyDown={(event) => {
        if (isPickerKey(event)) event.preventDefault();
        onKeyDown?.(event);
      }}
    >
      <SubmittingContext.Provider value={isSubmitting}>{children}</SubmittingContext.Provider>
    </Form>
  );
}

/** Whether the nearest SafeForm is waiting for its submission to finish. */
export function useIsSubmitting(): boolean {
  return useContext(SubmittingContext);
}

/** The primary submit button of a SafeForm, busy (and not clickable) while its request is in flight. */
export function SubmitButton({ loading, ...props }: Omit<ButtonProps, 'htmlType'>) {
  const isSubmitting = useIsSubmitting();
  return <Button type="primary" {...props} htmlType="submit" loading={Boolean(loading) || isSubmitting} />;
}
