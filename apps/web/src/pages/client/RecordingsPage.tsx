import { Title } from '@mantine/core';

export default function RecordingsPage() {
  return <Title order={1}>Recordings</Title>;
}
