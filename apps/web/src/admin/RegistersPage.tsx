import { Stack } from '@mantine/core';
import { BreachRegister } from '../dpo/BreachRegister';
import { PageTitle } from '../consoles/ui';
import { SubProcessors } from './SubProcessors';

/** The registers an admin reads (the DPO keeps them). */
export default function RegistersPage() {
  return (
    <Stack gap="xl">
      <PageTitle>Registers</PageTitle>
      <SubProcessors canRecord={false} headingLevel={2} />
      <BreachRegister canAct={false} headingLevel={2} />
    </Stack>
  );
}
