import { Title } from '@mantine/core';

export default function DeliveriesPage() {
  return <Title order={1}>Deliveries</Title>;
}
