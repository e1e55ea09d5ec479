import { checkCustomFields, checkStandardFields } from '../../../../libs/calls/src/intake-rules';
import type { IntakeField } from '../consoles/types';

/** What the agent types: every input as text (or a tick), converted per the client's field types on save. */
export interface CallFormValues {
  callerNumber: string;
  callerName: string;
  callerEmail: string;
  body: string;
  urgent: boolean;
  callbackRequested: boolean;
  custom: Record<string, string | boolean>;
}

export const emptyForm = (fields: IntakeField[]): CallFormValues => ({
  callerNumber: '',
  callerName: '',
  callerEmail: '',
  body: '',
  urgent: false,
  callbackRequested: false,
  custom: Object.fromEntries(fields.map((f) => [f.name, f.type === 'boolean' ? false : ''])),
});

/** A field's typed value as the API expects it; text that is not a number stays text so the rule names it. */
function typed(field: IntakeField, raw: string | boolean | undefined): unknown {
  if (field.type === 'boolean') return raw === true;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (field.type === 'number' && text !== '' && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

export interface MessageBody {
  callerName: string;
  callerPhone: string;
  callerEmail?: string;
  body: string;
  urgency: 'normal' | 'urgent';
  callbackRequested: boolean;
  customFields: Record<string, string | number | boolean>;
}

/**
 * The message the form describes, checked by the same rules the API applies (intake-rules.ts):
 * errors are keyed by the API's field paths, so a server refusal lands on the same field.
 */
export function toMessage(fields: IntakeField[], values: CallFormValues): { message: MessageBody; errors: Record<string, string> } {
  const answers = Object.fromEntries(fields.map((f) => [f.name, typed(f, values.custom[f.name])]));
  const custom = checkCustomFields(fields, answers);
  const standard = checkStandardFields({ callerName: values.callerName.trim(), callerPhone: values.callerNumber.trim(), callerEmail: values.callerEmail.trim() || null, body: values.body.trim() });
  const errors: Record<string, string> = {};
  for (const problem of [...standard, ...custom.problems]) errors[problem.field] ??= problem.message;
  return {
    message: {
      callerName: values.callerName.trim(),
      callerPhone: values.callerNumber.trim(),
      ...(values.callerEmail.trim() ? { callerEmail: values.callerEmail.trim() } : {}),
      body: values.body.trim(),
      urgency: values.urgent ? 'urgent' : 'normal',
      callbackRequested: values.callbackRequested,
      customFields: custom.clean,
    },
    errors,
  };
}

/** The form's values for a saved message, to correct it. */
export function fromMessage(fields: IntakeField[], m: { callerName: string; callerPhone: string; callerEmail: string | null; body: string; urgency: string; callbackRequested: boolean; customFields: Record<string, string | number | boolean> }): CallFormValues {
  return {
    callerNumber: m.callerPhone,
    callerName: m.callerName,
    callerEmail: m.callerEmail ?? '',
    body: m.body,
    urgent: m.urgency === 'urgent',
    callbackRequested: m.callbackRequested,
    custom: Object.fromEntries(fields.map((f) => [f.name, f.type === 'boolean' ? m.customFields[f.name] === true : m.customFields[f.name] === undefined ? '' : String(m.customFields[f.name])])),
  };
}
