import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { ApiModule } from '../apps/api/src/api.module';
import { configureHttp } from '../apps/api/src/http-setup';
import { createTestEnvironment } from '../test/support/test-environment';
import { createClientWithUsers, loginAdmin } from '../test/support/test-app';
async function main() {
  const env = await createTestEnvironment({ LOG_LEVEL: 'silent' });
  const db = new URL(env.config.databaseUrl).pathname.slice(1);
  console.log('DB', db);
  const su = new Client({ host: '127.0.0.1', user: 'postgres', database: db }); await su.connect();
  await su.query(`ALTER DATABASE ${db} SET log_min_duration_statement = 0`);
  if (process.env.GENERIC) await su.query(`ALTER DATABASE ${db} SET plan_cache_mode = force_generic_plan`);
  @Module({ imports: [ApiModule.forRoot(env.config)] }) class M {}
  const app = configureHttp(await NestFactory.create(M, { logger: false }));
  await app.init();
  const http = request(app.getHttpServer());
  const adminToken = await loginAdmin(http);
  const { clientId, agent } = await createClientWithUsers(http, adminToken, 'Bench Ltd');
  const call = await http.post('/calls').set('Authorization', `Bearer ${agent.token}`).send({ clientId, callerNumber: '+44 20 7946 0000', startedAt: new Date().toISOString() }).expect(201);
  const MESSAGE = { callerName: 'Bench Caller', callerPhone: '+44 20 7946 0000', body: 'Please call back about the quote.' };
  const one = () => http.post(`/calls/${call.body.id}/messages`).set("Authorization", `Bearer ${agent.token}`).send(MESSAGE).expect(201);
  const N = Number(process.env.PAR ?? 1);
  for (let i = 0; i < 300 / N; i++) await Promise.all(Array.from({ length: N }, one));
  await su.end();
  await app.close(); await env.destroy();
}
void main();
