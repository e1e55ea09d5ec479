import { Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { IntakeField } from '../consoles/types';
import type { CallFormValues } from './call-form-model';

const INPUT_TYPE: Record<IntakeField['type'], string> = { string: 'text', number: 'text', boolean: 'checkbox', email: 'email', phone: 'tel', date: 'date' };

/** The standard message fields, then the client's own intake fields, in script order. */
export function MessageFields({
  fields,
  values,
  errors,
  onChange,
  firstRef,
}: {
  fields: IntakeField[];
  values: CallFormValues;
  errors: Record<string, string>;
  onChange: (values: CallFormValues) => void;
  firstRef?: React.Ref<HTMLInputElement>;
}) {
  const set = <K extends keyof CallFormValues>(key: K, value: CallFormValues[K]) => onChange({ ...values, [key]: value });
  const setCustom = (name: string, value: string | boolean) => onChange({ ...values, custom: { ...values.custom, [name]: value } });
  return (
    // Mantine's error red (shade 6) is under 4.5:1 on white: field errors here use shade 9.
    <Stack gap="sm" style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput ref={firstRef} label="Caller's number" type="tel" required value={values.callerNumber} error={errors.callerPhone} onChange={(e) => set('callerNumber', e.currentTarget.value)} />
        <TextInput label="Caller's name" required value={values.callerName} error={errors.callerName} onChange={(e) => set('callerName', e.currentTarget.value)} />
        <TextInput label="Caller's email" type="email" value={values.callerEmail} error={errors.callerEmail} onChange={(e) => set('callerEmail', e.currentTarget.value)} />
      </SimpleGrid>
      <Textarea label="Message" required autosize minRows={3} value={values.body} error={errors.body} onChange={(e) => set('body', e.currentTarget.value)} />
      <Group>
        <Checkbox label="Urgent" checked={values.urgent} onChange={(e) => set('urgent', e.currentTarget.checked)} />
        <Checkbox label="Callback requested" checked={values.callbackRequested} onChange={(e) => set('callbackRequested', e.currentTarget.checked)} />
      </Group>
      {fields.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fields.map((field) => {
            const label = field.label || field.name;
            const error = errors[`customFields.${field.name}`];
            if (field.type === 'boolean') {
              return <Checkbox key={field.name} label={label} checked={values.custom[field.name] === true} error={error} onChange={(e) => setCustom(field.name, e.currentTarget.checked)} />;
            }
            return (
              <TextInput
                key={field.name}
                label={label}
                type={INPUT_TYPE[field.type]}
                inputMode={field.type === 'number' ? 'decimal' : undefined}
                required={field.required}
                value={String(values.custom[field.name] ?? '')}
                error={error}
                onChange={(e) => setCustom(field.name, e.currentTarget.value)}
              />
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** The API's messages name the field first ("customFields.x is required"): put each on its field. */
export function serverErrorsByField(messages: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const text of messages.flatMap((m) => m.split('; '))) {
    const field = text.split(' ')[0];
    errors[field] ??= text;
  }
  return errors;
}
