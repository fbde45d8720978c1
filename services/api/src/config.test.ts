import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults that start the product on an embedded database with demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      host: '127.0.0.1',
      logLevel: 'info',
      seedDemo: true,
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('never seeds a DATABASE_URL database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/maalem' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/maalem', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reports every invalid variable at once, in plain words', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        NODE_ENV: 'staging',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        SEED_DEMO: 'maybe',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'NODE_ENV', 'LOG_LEVEL', 'DATABASE_URL', 'SEED_DEMO'])
      expect(message).toContain(name);
  });
});
