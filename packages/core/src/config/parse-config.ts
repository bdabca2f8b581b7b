import { z } from 'zod';
import { ConfigError } from '../errors';

/**
 * Validates environment variables against a zod object schema whose keys are the
 * variable names. Every problem is reported at once, each naming its variable, so an
 * operator fixes the whole configuration in one go.
 */
export function parseConfig<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  env: Record<string, string | undefined>,
): z.infer<z.ZodObject<Shape>> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const value = env[variable];
    const shown = value === undefined ? 'unset' : `got '${looksSecret(variable) ? '<redacted>' : value}'`;
    return `${variable}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(problems);
}

function looksSecret(variable: string): boolean {
  return /KEY|SECRET|TOKEN|PASSWORD|DATABASE_URL|HEADERS/i.test(variable);
}
