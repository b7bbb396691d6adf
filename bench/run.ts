// `npm run bench -- [projects] [plans] [stall] [first-load] [signature-append] [ceremony]`: runs the named benches, or all of them, in that order.

import { benchCeremony } from './ceremony.ts';
import { benchEmbeddedStall } from './embedded-stall.ts';
import { runFirstLoad } from './first-load.ts';
import { benchProjects } from './projects.ts';
import { benchSearchPlans } from './search-plans.ts';
import { benchSignatureAppend } from './signature-append.ts';

const BENCHES: Record<string, () => Promise<unknown>> = {
  projects: () => benchProjects(),
  plans: () => benchSearchPlans(),
  stall: () => benchEmbeddedStall(),
  'first-load': () => runFirstLoad(),
  'signature-append': () => benchSignatureAppend(),
  ceremony: () => benchCeremony(),
};

const names = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = names.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const started = performance.now();
for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
  console.log(`\n=== bench: ${name} ===`);
  await BENCHES[name]?.();
}
console.log(`\nall benches done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
