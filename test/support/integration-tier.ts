import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ManualClock } from '#clock';
import { PlatformModule } from '#platform';
import { createTestEnvironment, TestEnvironment } from './test-environment';

@Module({})
class IntegrationTier {}

/**
 * The middle tier of the tests: a fresh migrated database and a Nest application context (no HTTP) of
 * the platform (the runtime login's pool, row-level security on) and the libraries given, on `clock`.
 */
export async function startIntegrationTier(clock: ManualClock, modules: NonNullable<DynamicModule['imports']>): Promise<{ env: TestEnvironment; app: INestApplicationContext }> {
  const env = await createTestEnvironment();
  try {
    const root: DynamicModule = { module: IntegrationTier, imports: [PlatformModule.forRoot(env.config, { clock }), ...modules] };
    const app = await NestFactory.createApplicationContext(root, { logger: false, abortOnError: false });
    await app.init();
    return { env, app };
  } catch (error) {
    await env.destroy();
    throw error;
  }
}
