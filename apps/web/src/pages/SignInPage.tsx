import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useSignIn } from '../session';

export function SignInPage() {
  const signIn = useSignIn();
  useEffect(() => {
    document.title = 'Sign in · CallVault';
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') });
  };
  const failure =
    signIn.error instanceof ApiError
      ? signIn.error.status === 401
        ? 'Email or password is wrong.'
        : signIn.error.status === 429
          ? 'Too many attempts. Wait a minute and try again.'
          : signIn.error.message
      : signIn.error
        ? 'The service could not be reached.'
        : null;

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={380} radius="md">
        <form onSubmit={submit} noValidate={false}>
          <Stack>
            <div>
              <Title order={1} size="h2">
                CallVault
              </Title>
              <Text c="dimmed" size="sm">
                Sign in to read your messages and collect your recordings.
              </Text>
            </div>
            {failure && (
              <Alert color="red.9" role="alert" title="Not signed in">
                {failure}
              </Alert>
            )}
            <TextInput label="Email" name="email" type="email" autoComplete="username" required withAsterisk={false} autoFocus />
            <PasswordInput label="Password" name="password" autoComplete="current-password" required withAsterisk={false} />
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
