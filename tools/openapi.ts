import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OpenAPI3 } from 'openapi-typescript';
import { loadConfig } from '#config';
import { ApiModule } from '../apps/api/src/api.module';
import { createOpenApiDocument } from '../apps/api/src/openapi';

/**
 * `npm run openapi`: writes the API's OpenAPI document (the portal's contract) and the portal's types
 * generated from it. Both are committed; test/openapi.e2e-spec.ts fails when either is stale.
 */
export const OPENAPI_JSON = join(__dirname, '..', 'apps/api/openapi.json');
export const SCHEMA_TYPES = join(__dirname, '..', 'apps/web/src/api/schema.d.ts');

const TYPES_BANNER = '/**\n * Generated from apps/api/openapi.json by `npm run openapi` (openapi-typescript). Do not edit.\n */\n\n';

/**
 * The document without a database, Redis or storage: the API module in preview mode builds the route
 * graph but instantiates no provider and connects nowhere, so the configuration is a placeholder.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', MASTER_KEY: Buffer.alloc(32).toString('base64'), JWT_SECRET: 'openapi-document-only', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(ApiModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The document's exact committed text, built from the code as it is now. */
export async function renderDocument(): Promise<string> {
  return `${JSON.stringify(await generateOpenApiDocument(), null, 2)}\n`;
}

/**
 * The portal's types for a document. openapi-typescript loads ES modules by require(), which plain
 * Node does and Jest's module runtime does not: the tests call this in a child process (--types).
 */
export async function renderTypes(json: string): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  return TYPES_BANNER + astToString(await openapiTS(JSON.parse(json) as OpenAPI3));
}

async function main() {
  if (process.argv.includes('--types')) {
    // A document on stdin, its types on stdout.
    process.stdout.write(await renderTypes(readFileSync(0, 'utf8')));
    return;
  }
  const json = await renderDocument();
  writeFileSync(OPENAPI_JSON, json);
  mkdirSync(dirname(SCHEMA_TYPES), { recursive: true });
  writeFileSync(SCHEMA_TYPES, await renderTypes(json));
  process.stdout.write(`wrote ${OPENAPI_JSON} and ${SCHEMA_TYPES}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
