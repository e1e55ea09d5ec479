import { ActionIcon, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { IntakeField } from '../consoles/types';

const TYPES: IntakeField['type'][] = ['string', 'number', 'boolean', 'email', 'phone', 'date'];

/** The client's intake script, one row per field: name (snake_case), label, type, required. */
export function IntakeFieldsEditor({ value, onChange }: { value: IntakeField[]; onChange: (fields: IntakeField[]) => void }) {
  const update = (i: number, change: Partial<IntakeField>) => onChange(value.map((f, j) => (j === i ? { ...f, ...change } : f)));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Intake fields
      </Text>
      {value.length === 0 && <Text size="sm">No fields yet: agents take the standard message only.</Text>}
      {value.map((field, i) => (
        <Group key={i} align="end" wrap="wrap">
          <TextInput label={`Field ${i + 1} name`} description="snake_case" value={field.name} onChange={(e) => update(i, { name: e.currentTarget.value })} />
          <TextInput label={`Field ${i + 1} label`} value={field.label ?? ''} onChange={(e) => update(i, { label: e.currentTarget.value || undefined })} />
          <NativeSelect label={`Field ${i + 1} type`} data={TYPES} value={field.type} onChange={(e) => update(i, { type: e.currentTarget.value as IntakeField['type'] })} />
          <Checkbox label="Required" checked={field.required} onChange={(e) => update(i, { required: e.currentTarget.checked })} mb={8} />
          <ActionIcon variant="subtle" color="red.9" aria-label={`Remove field ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))} mb={4}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button variant="default" size="xs" w="fit-content" onClick={() => onChange([...value, { name: '', type: 'string', required: false }])}>
        Add intake field
      </Button>
    </Stack>
  );
}
