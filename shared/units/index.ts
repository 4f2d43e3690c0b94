export * from './exact';
export * from './registry';
