import { Blockquote, Grid, Kbd, List, NavLink, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../consoles/api';
import { ErrorAlert, PageTitle } from '../consoles/ui';
import type { IntakeScript } from '../consoles/types';
import { useAgentLimits } from './queries';
import { LogCall } from './LogCall';

const TYPE_NAMES = { string: 'text', number: 'number', boolean: 'yes/no', email: 'email', phone: 'phone number', date: 'date' } as const;

/** The agent's desk: find the client whose call it is, read its script, log the call. */
export default function AgentDeskPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [chosen, setChosen] = useState<string | null>(null);
  const [callNumber, setCallNumber] = useState(0);
  const clients = useQuery({ queryKey: ['agent', 'clients', debounced], queryFn: () => api.get<IntakeScript[]>('/agent/clients', { search: debounced }), placeholderData: keepPreviousData });
  const limits = useAgentLimits();
  // The chosen client's script as first loaded: a search typed later does not swap the open form's fields.
  const [script, setScript] = useState<IntakeScript | null>(null);
  const choose = (c: IntakeScript) => {
    setChosen(c.clientId);
    setScript(c);
    setCallNumber((n) => n + 1);
  };

  return (
    <Stack>
      <PageTitle>Log a call</PageTitle>
          <Grid>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TextInput
                label="Find a client"
                description="Type part of the name, Enter picks the first"
                value={search}
                autoFocus
                onChange={(e) => setSearch(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && clients.data?.[0]) choose(clients.data[0]);
                }}
              />
              <ErrorAlert error={clients.error} />
              <nav aria-label="Clients you serve">
                {clients.data?.map((c) => (
                  <NavLink
                    key={c.clientId}
                    component="button"
                    label={c.name}
                    active={c.clientId === chosen}
                    variant="filled"
                    onClick={() => choose(c)}
                  />
                ))}
              </nav>
              {clients.data?.length === 0 && <Text mt="sm">No client you serve matches.</Text>}
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              {!script && (
                <Text c="dimmed">
                  Choose the client whose line rang. Press <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> in the call form to save.
                </Text>
              )}
              {script && (
                <Stack>
                  <Title order={2}>{script.name}</Title>
                  <section aria-label="Intake script">
                    {script.greeting && <Blockquote p="sm">{script.greeting}</Blockquote>}
                    {script.intakeFields.length > 0 && (
                      <>
                        <Text fw={600} mt="xs">
                          Ask for
                        </Text>
                        <List size="sm">
                          {script.intakeFields.map((f) => (
                            <List.Item key={f.name}>
                              {f.label || f.name} ({TYPE_NAMES[f.type]}){f.required ? ' — required' : ''}
                            </List.Item>
                          ))}
                        </List>
                      </>
                    )}
                  </section>
                  <LogCall key={`${script.clientId}-${callNumber}`} script={script} limits={limits.data} onNext={() => setCallNumber((n) => n + 1)} />
                </Stack>
              )}
            </Grid.Col>
          </Grid>
    </Stack>
  );
}
