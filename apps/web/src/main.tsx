import '@mantine/core/styles.css';
import './portal.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUnauthenticatedHandler } from './api/client';
import { App } from './App';
import { sessionLapsed } from './session';

// Shade 8: white on Mantine's default blue (shade 6) is 3.6:1; AA needs 4.5:1.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, defaultRadius: 'sm', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' });
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
setUnauthenticatedHandler(() => sessionLapsed(queryClient));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
