// Builds the whole demo data set in memory, deterministically from the seed.
import { assignNationalCodes, assignProjectCodes } from './codes.ts';
import { addSummitBatches, addSummitEvents } from './events/digital-china-summits.ts';
import { buildFujianDigitalEconomy2024 } from './events/fujian-digital-economy-2024.ts';
import { buildFuzhouExpo2022 } from './events/fuzhou-expo-2022.ts';
import { buildHebeiShenzhen2021 } from './events/hebei-shenzhen-2021.ts';
import { buildQuanzhouCloudSigning2022 } from './events/quanzhou-cloud-signing-2022.ts';
import { createDemoData, type DemoContext, type DemoData } from './model.ts';
import { buildOrganizations } from './organizations/index.ts';
import { buildPipeline } from './pipeline.ts';

export function buildDemoData(context: DemoContext): { data: DemoData; lastSequence: number } {
  const data = createDemoData(context);
  const pools = buildOrganizations(data);
  const summits = addSummitEvents(data);
  const fifth = summits.get(5);
  const seventh = summits.get(7);
  if (!fifth || !seventh) throw new Error('demo: the 5th and 7th summits are missing');
  // Named projects first, so a generated title can never take one of theirs.
  buildFuzhouExpo2022(data, fifth);
  buildFujianDigitalEconomy2024(data, pools, seventh);
  buildQuanzhouCloudSigning2022(data, pools);
  buildHebeiShenzhen2021(data, pools);
  addSummitBatches(data, pools, summits);
  buildPipeline(data, pools);
  const lastSequence = assignProjectCodes(data);
  assignNationalCodes(data);
  return { data, lastSequence };
}
