// The dependency direction of STYLE.md, enforced in `npm run lint`:
// apps -> runtime -> slices (audit, pods, ...) -> read-model -> event-store -> sql/kernel/config.
const CORE = ['kernel', 'sql', 'config', 'event-store', 'read-model', 'runtime', 'openstack'];
const SLICE = `^libs/(?!(${CORE.join('|')})/)[^/]+/`;
const SPEC = '\\.(spec|int-spec|e2e-spec|system-spec)\\.ts$|/testing/';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'kernel-is-plain',
      comment: 'The kernel holds types and pure helpers: no Nest, no drivers, no other lib.',
      severity: 'error',
      from: { path: '^libs/kernel/' },
      to: { path: ['^libs/(?!kernel/)', '@nestjs', 'node_modules/(pg|@electric-sql|@eventstore)'] },
    },
    {
      name: 'foundations-stay-below',
      severity: 'error',
      from: { path: '^libs/(sql|config)/' },
      to: { path: '^libs/(?!(sql|config|kernel)/)' },
    },
    {
      name: 'event-store-below-read-side',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/(?!(event-store|sql|kernel)/)' },
    },
    {
      name: 'read-model-below-slices',
      severity: 'error',
      from: { path: '^libs/read-model/' },
      to: { path: '^libs/(?!(read-model|event-store|sql|kernel)/)' },
    },
    {
      name: 'slices-below-runtime',
      comment: 'A slice may use the core libs and other slices, never the runtime or an app.',
      severity: 'error',
      from: { path: SLICE, pathNot: SPEC },
      to: { path: '^(libs/runtime|apps)/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/', pathNot: SPEC },
      to: { path: '^apps/' },
    },
    {
      name: 'through-the-index-only',
      comment: 'Other libs are imported as @podgate/<lib>, i.e. through their index.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$'] },
    },
    {
      name: 'doubles-only-in-tests',
      comment: 'Test doubles (ESDB double, pod simulator) never stand in for a feature.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: [SPEC, '^apps/pod-simulator/'] },
      to: { path: '^(test/|apps/pod-simulator/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-bench)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
