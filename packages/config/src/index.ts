export { ConfigError, describeEnv, envSchema, loadEnv, type Env } from './env.ts';
