import { Title } from '@mantine/core';

export default function InboxPage() {
  return <Title order={1}>Inbox</Title>;
}
