export * from './amount.ts';
export * from './project-code.ts';
export * from './result.ts';
export * from './search-tokens.ts';
export * from './stages.ts';
export * from './usci.ts';
