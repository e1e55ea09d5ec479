import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { Client } from 'pg';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttp } from '../../apps/api/src/http-setup';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { AppConfig } from '#config';
import type { PlatformOverrides } from '#platform';
import { ADMIN } from './test-environment';

export interface TestApi {
  app: INestApplication;
  http: TestAgent;
  close(): Promise<void>;
}

/** The real API module with the real HTTP set-up, on the suite's own database. */
export async function startTestApi(config: AppConfig, overrides: PlatformOverrides = {}): Promise<TestApi> {
  const app = configureHttp(await NestFactory.create(ApiModule.forRoot(config, overrides), { bufferLogs: true, logger: false, abortOnError: false }));
  await app.init();
  await app.listen(0, '127.0.0.1');
  return { app, http: request(app.getHttpServer()), close: () => app.close() };
}

export async function startTestWorker(config: AppConfig, overrides: PlatformOverrides = {}): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, overrides), { logger: false, abortOnError: false });
  await worker.init();
  return worker;
}

export async function login(http: TestAgent, email: string, password: string): Promise<string> {
  const response = await http.post('/auth/login').send({ email, password }).expect(200);
  return response.body.accessToken;
}

export const loginAdmin = (http: TestAgent) => login(http, ADMIN.email, ADMIN.password);

/** A client business plus one user of each role that tests need; passwords are the email reversed plus padding. */
export async function createClientWithUsers(http: TestAgent, adminToken: string, name = 'Acme Plumbing') {
  const client = await http.post('/clients').set('Authorization', `Bearer ${adminToken}`).send({ name }).expect(201);
  const clientId: string = client.body.id;
  const password = 'a-long-test-password';
  const make = async (role: string, withClient: boolean) => {
    const email = `${role}.${clientId.slice(0, 8)}.${Math.random().toString(36).slice(2, 8)}@example.test`;
    await http
      .post('/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ email, password, role, ...(withClient ? { clientId } : {}) })
      .expect(201);
    return { email, token: await login(http, email, password) };
  };
  return { clientId, clientUser: await make('client', true), agent: await make('agent', false) };
}

/** A superuser connection to the suite's database, for tampering the way an attacker with the disk would. */
export async function ownerQuery<T = unknown>(config: AppConfig, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
