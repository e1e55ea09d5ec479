import { Title } from '@mantine/core';

export default function AccessTrailPage() {
  return <Title order={1}>AccessTrail</Title>;
}
