/** A labelled form field (the label is tied to the control by id) with an optional problem and hint. */
import type { ReactNode } from 'react';
import { Form } from 'antd';

export function Field({ id, label, error, hint, required, children, className }: { id: string; label: string; error?: string | null; hint?: ReactNode; required?: boolean; children: ReactNode; className?: string }) {
  return (
    <Form.Item label={label} htmlFor={id} required={required} validateStatus={error ? 'error' : undefined} help={error ?? hint} className={className}>
      {children}
    </Form.Item>
  );
}
